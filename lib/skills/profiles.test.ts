import { beforeAll, describe, expect, it } from 'vitest';
import { attempts, decisions } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { averageProfile, emptyProfile, PROFILE_WINDOW, profilesFrom, skillProfile, skillProfiles, skillScore, skillTrends, weakestSkill } from './profiles';

describe('skill arithmetic', () => {
  it('maps the mean delta from -3…3 onto 0…100', () => {
    expect(skillScore(3, 1)).toBe(100);
    expect(skillScore(-6, 2)).toBe(0);
    expect(skillScore(0, 5)).toBe(50);
    expect(skillScore(2 + 1, 2)).toBe(75);
    expect(skillScore(-1, 3)).toBe(44);
    expect(skillScore(0, 0)).toBeNull();
  });

  it('keeps a score within 0…100 when the engine scores timing below -3 in one decision', () => {
    // Two clues left unanswered cost -4 in one decision; the heatmap's bands have nothing below 0.
    expect(skillScore(-4, 1)).toBe(0);
    expect(skillScore(-10, 2)).toBe(0);
    expect(skillScore(8, 2)).toBe(100);
  });

  it('builds profiles per learner and ignores skills outside the rubric', () => {
    const p = profilesFrom(
      [
        { userId: 'a', skill: 'reflecting', sum: 4, count: 2 },
        { userId: 'a', skill: 'made-up', sum: 3, count: 1 },
        { userId: 'b', skill: 'timing', sum: -3, count: 1 },
      ],
      ['a', 'b', 'c'],
    );
    expect(p.get('a')!.reflecting).toEqual({ score: 83, decisions: 2 });
    expect('made-up' in p.get('a')!).toBe(false);
    expect(p.get('b')!.timing.score).toBe(0);
    expect(p.get('c')).toEqual(emptyProfile());
  });

  it('names the weakest scored skill, first in curriculum order on ties', () => {
    const p = emptyProfile();
    expect(weakestSkill(p)).toBeNull();
    p.language = { score: 40, decisions: 3 };
    p.timing = { score: 40, decisions: 1 };
    p.reflecting = { score: 90, decisions: 4 };
    expect(weakestSkill(p)).toBe('timing');
  });

  it('averages skills only over the learners scored on them', () => {
    const a = emptyProfile();
    const b = emptyProfile();
    a.reflecting = { score: 80, decisions: 2 };
    b.reflecting = { score: 61, decisions: 3 };
    b.timing = { score: 20, decisions: 1 };
    const avg = averageProfile([a, b]);
    expect(avg.reflecting).toEqual({ score: 71, decisions: 5 });
    expect(avg.timing).toEqual({ score: 20, decisions: 1 });
    expect(avg.language.score).toBeNull();
  });
});

describe.each(testDrivers)('skill profiles on %s', (driver) => {
  const t = blockDatabase(driver);
  let ann: { id: string };
  let ben: { id: string };
  const day = (n: number) => new Date(Date.UTC(2026, 0, 5 + n, 12));

  async function played(userId: string, at: Date, scores: Record<string, number>[]) {
    const [a] = await t.db.insert(attempts).values({ userId, scenarioId: 'x', contentHash: 'h', startedAt: at }).returning();
    await t.db.insert(decisions).values(
      scores.map((s, seq) => ({ attemptId: a!.id, seq, nodeId: `n${seq}`, choiceId: 'c', scores: s, createdAt: new Date(at.getTime() + seq * 1000) })),
    );
  }

  beforeAll(async () => {
    ann = await makeUser(t.db, { email: 'ann@example.com' });
    ben = await makeUser(t.db, { email: 'ben@example.com' });
    // Ann starts badly at reflecting, then improves: 25 early -3s, then 20 recent +3s.
    await played(ann.id, day(0), Array.from({ length: 25 }, () => ({ reflecting: -3 })));
    await played(ann.id, day(14), Array.from({ length: PROFILE_WINDOW }, () => ({ reflecting: 3, timing: 1 })));
    await played(ben.id, day(1), [{ apologizing: -2, language: 1 }, { apologizing: 0 }]);
  });

  it('counts only each skill’s latest decisions', async () => {
    const p = await skillProfile(t.db, ann.id);
    expect(p.reflecting).toEqual({ score: 100, decisions: PROFILE_WINDOW });
    expect(p.timing).toEqual({ score: 67, decisions: PROFILE_WINDOW });
    expect(p.language.score).toBeNull();
  });

  it('can count every decision, or only recent ones', async () => {
    const all = await skillProfile(t.db, ann.id, { window: 0 });
    expect(all.reflecting.decisions).toBe(45);
    expect(all.reflecting.score).toBe(skillScore(-75 + 60, 45));
    const recent = await skillProfile(t.db, ann.id, { since: day(10), window: 0 });
    expect(recent.reflecting.decisions).toBe(PROFILE_WINDOW);
  });

  it('reads many learners at once and keeps their scores apart', async () => {
    const ps = await skillProfiles(t.db, [ann.id, ben.id]);
    expect(ps.get(ben.id)!.apologizing).toEqual({ score: 33, decisions: 2 });
    expect(ps.get(ben.id)!.reflecting.score).toBeNull();
    expect(ps.get(ann.id)!.apologizing.score).toBeNull();
  });

  it('gives a weekly trend per skill, oldest first', async () => {
    const trends = await skillTrends(t.db, ann.id);
    expect(trends.reflecting.map((p) => p.week)).toEqual(['2026-01-05', '2026-01-19']);
    expect(trends.reflecting.map((p) => p.score)).toEqual([0, 100]);
    expect(trends.language).toEqual([]);
  });
});

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignments, attempts, decisions, teamMembers, teams } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { createPlan } from '@/lib/checkups/plans';
import { teamCheckupResults } from '@/lib/checkups/results';
import type { LearningPath } from '@/lib/content/paths';
import { teamOverview } from './team';

const path: LearningPath = { id: 'onboarding', title: 'Onboarding', items: [{ kind: 'module', id: 'reflecting-emotion' }] };
const t0 = new Date('2030-01-06T09:00:00.000Z');
const later = new Date('2030-01-08T09:00:00.000Z');

// /team (its trend and its "latest check-up" heatmap) and /team/checkups show one check-up run: they must agree (ADR 19).
describe.each(testDrivers)('one check-up, one set of numbers, on %s', (driver) => {
  const t = blockDatabase(driver);
  let teamId: string;
  let people: Record<'ann' | 'bob' | 'cy', { id: string }>;

  /** Records an attempt at one of the learner's assignments: finished with a score, or still going. */
  async function attempt(userId: string, index: number, outcome: { score: number } | 'in progress', reflecting: number) {
    const mine = await t.db.select().from(assignments).where(eq(assignments.userId, userId)).orderBy(assignments.itemId);
    const a = mine[index]!;
    const done = outcome !== 'in progress';
    const [row] = await t.db
      .insert(attempts)
      .values({ userId, scenarioId: a.itemId, contentHash: 'h', mode: 'checkup', assignmentId: a.id, status: done ? 'completed' : 'in_progress', score: done ? outcome.score : null })
      .returning();
    await t.db.insert(decisions).values({ attemptId: row!.id, seq: 0, nodeId: 'start', choiceId: 'c', scores: { reflecting } });
    if (done) await t.db.update(assignments).set({ completedAt: later }).where(eq(assignments.id, a.id));
  }

  beforeAll(async () => {
    const manager = await makeUser(t.db, { email: 'm@example.com', role: 'manager' });
    people = {
      ann: await makeUser(t.db, { email: 'ann@example.com', name: 'Ann' }),
      bob: await makeUser(t.db, { email: 'bob@example.com', name: 'Bob' }),
      cy: await makeUser(t.db, { email: 'cy@example.com', name: 'Cy' }),
    };
    const [team] = await t.db.insert(teams).values({ name: 'Harbour' }).returning();
    teamId = team!.id;
    await t.db.insert(teamMembers).values(Object.values(people).map((u) => ({ teamId, userId: u.id })));
    await createPlan(t.db, manager, { teamId, name: 'Spring', recurDays: null, scenarioCount: 2 }, t0);
    // Ann finishes both scenarios (90, 70), Bob one (20); Cy is half-way through one.
    await attempt(people.ann.id, 0, { score: 90 }, 3);
    await attempt(people.ann.id, 1, { score: 70 }, 1);
    await attempt(people.bob.id, 0, { score: 20 }, -3);
    await attempt(people.cy.id, 0, 'in progress', -3);
  });

  it('gives the team one score: each learner’s mean, averaged over learners, on both pages', async () => {
    const [run] = await teamCheckupResults(t.db, teamId, later);
    const overview = (await teamOverview(t.db, teamId, path, 'checkup', later))!;
    // Learners weigh the same however many scenarios they finished: (80 + 20) / 2, not (90 + 70 + 20) / 3.
    expect(run!.learners.map((l) => [l.name, l.overall])).toEqual([
      ['Ann', 80],
      ['Bob', 20],
      ['Cy', null],
    ]);
    expect(run!.overall).toBe(50);
    expect(overview.runs.map((r) => r.average)).toEqual([50]);
    expect(overview.latestRun!.average).toBe(run!.overall);
  });

  it('gives each learner one check-up skill profile, leaving out a half-played scenario, on both pages', async () => {
    const [run] = await teamCheckupResults(t.db, teamId, later);
    const overview = (await teamOverview(t.db, teamId, path, 'checkup', later))!;
    for (const l of run!.learners) expect(overview.members.find((m) => m.id === l.userId)!.profile).toEqual(l.skills);
    const cy = overview.members.find((m) => m.id === people.cy.id)!;
    expect(cy.profile.reflecting).toEqual({ score: null, decisions: 0 });
    expect(overview.members.find((m) => m.id === people.ann.id)!.profile.reflecting).toEqual({ score: 83, decisions: 2 });
  });
});

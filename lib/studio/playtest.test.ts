// Playtesting a draft: the real engine and coach from any node, in practice mode, and nothing written for learners or teams.
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attempts, decisions } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { copyShipped } from './files';
import { requireDocument, saveDraft } from './documents';
import { PLAYTEST_ID, playtestDecisions, playtestVersion, playtestView } from '@/lib/attempts/playtest';
import { playtestDraft, type PlaytestStart } from './playtest';
import { setIn } from './yaml-edit';

describe.each(testDrivers)('playtesting a draft on %s', (driver) => {
  const t = blockDatabase(driver);
  const draft = async (start: PlaytestStart) => {
    const d = await playtestDraft(t.db, 'playtest-double-charge', start);
    return playtestVersion(d.definition, d.persona);
  };
  beforeAll(async () => {
    const author = await makeUser(t.db, { email: 'playtester@example.com' });
    await copyShipped(t.db, author.id, 'scenario', 'double-charge', 'playtest-double-charge');
  });

  it('plays the best path to its ending with practice feedback, and stores nothing', async () => {
    const v = await draft({});
    const view = playtestView('playtest-double-charge', v);
    expect(view).toMatchObject({ attemptId: PLAYTEST_ID, mode: 'practice', seq: 0, turn: { nodeId: v.definition.start } });
    const steps = v.analysis.bestPath.map((choiceId, seq) => ({ seq, choiceId }));
    const middle = await playtestDecisions(v, steps.slice(0, 2));
    expect(middle.seq).toBe(1);
    expect(middle.feedback).toBeTruthy();
    expect(middle.turn?.choices.length).toBeGreaterThan(1);
    const last = await playtestDecisions(v, steps);
    expect(last.ending?.outcome).toBe('success');
    expect(last.ending?.score.overall).toBe(100);
    expect((await t.db.select({ n: count() }).from(attempts))[0]!.n).toBe(0);
    expect((await t.db.select({ n: count() }).from(decisions))[0]!.n).toBe(0);
  });

  it('hears a typed reply through the coach, as a learner’s would be', async () => {
    const v = await draft({});
    const answer = await playtestDecisions(v, [{ seq: 0, reply: 'I can hear how worrying it is to see your money taken twice. Let me look at both charges with you now.' }]);
    expect(answer.reply?.heardAs.choiceId).toBeTruthy();
    expect(answer.reply?.findings).toBeDefined();
    expect(answer.scores).toBeDefined();
  });

  it('starts at any node with the mood asked for', async () => {
    const full = await draft({});
    const second = full.analysis.bestState.steps[2]!.nodeId;
    const v = await draft({ from: second, mood: -4 });
    expect(playtestView('playtest-double-charge', v)).toMatchObject({ mood: -4, turn: { nodeId: second } });
    await expect(draft({ from: 'no-such-node' })).rejects.toMatchObject({ status: 400 });
  });

  it('refuses a choice not on offer, and a draft the checker fails', async () => {
    const v = await draft({});
    await expect(playtestDecisions(v, [{ seq: 0, choiceId: 'not-a-choice' }])).rejects.toMatchObject({ status: 400 });
    await expect(playtestDecisions(v, [{ seq: 1, choiceId: v.analysis.bestPath[0]! }])).rejects.toMatchObject({ status: 400 });
    const doc = await requireDocument(t.db, 'scenario', 'playtest-double-charge');
    const saved = await saveDraft(t.db, (await makeUser(t.db, { email: 'other.playtester@example.com' })).id, 'scenario', doc.id, setIn(doc.draft, ['start'], 'nowhere')!, doc.revision);
    expect('conflict' in saved).toBe(false);
    await expect(draft({})).rejects.toMatchObject({ status: 409 });
  });
});

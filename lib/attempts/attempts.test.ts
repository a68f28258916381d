// Starting, deciding and reading back attempts together, as a learner and a reviewer would.
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assignments, attempts, auditLog, decisions } from '@/db/schema';
import { testDrivers } from '@/db/testing';
import { blockDatabase, blockUsers } from '@/db/test-database';
import { decideAttempt } from './decide';
import { getAttempt, reviewAttempt } from './read';
import { PRACTICE_AFTER_CHECKUP, startAttempt } from './start';
import { idOf, loaded } from './testing';

describe.each(testDrivers)('attempts on %s', (driver) => {
  const t = blockDatabase(driver);
  const people = blockUsers(t, { learner: { email: 'l@example.com' }, other: { email: 'o@example.com' } });

  it('starts with a turn that carries no scores, feedback or destinations', async () => {
    const { attemptId, seq, turn } = await startAttempt(t.db, people.learner.id, loaded(), 'practice');
    expect(seq).toBe(0);
    expect(turn).toMatchObject({ nodeId: 'a', customer: 'I was charged twice.', mood: 0 });
    expect(turn.choices.map((c) => c.id).sort()).toEqual(['feel', 'process']);
    expect(Object.keys(turn.choices[0]!).sort()).toEqual(['id', 'say']);
    // Resuming shows the same order.
    expect((await getAttempt(t.db, people.learner.id, attemptId)).turn).toEqual(turn);
  });

  it('in practice, answers each decision with its feedback and skill changes, then the ending', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, loaded(), 'practice');
    const first = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, choiceId: 'feel', elapsedMs: 1200 });
    expect(first).toMatchObject({ seq: 0, mood: 2, feedback: 'She felt heard.', scores: { reflecting: 2, timing: 2 }, turn: { nodeId: 'b' } });
    const last = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 1, choiceId: 'fix' });
    expect(last.turn).toBeUndefined();
    expect(last.ending).toMatchObject({
      id: 'happy',
      outcome: 'success',
      customer: 'Thanks!',
      score: { overall: 100, passed: true },
      passScore: 70,
      bestPath: [
        { nodeId: 'a', choiceId: 'feel', say: "That's maddening." },
        { nodeId: 'b', choiceId: 'fix', say: 'Refunding it now.' },
      ],
    });
  });

  it('in a check-up, says nothing about scores until the end', async () => {
    const { attemptId, turn } = await startAttempt(t.db, people.learner.id, loaded(), 'checkup');
    const first = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, choiceId: idOf(turn, 'Account number?') });
    expect(first.feedback).toBeUndefined();
    expect(first.scores).toBeUndefined();
    expect((await getAttempt(t.db, people.learner.id, attemptId)).transcript[0]).not.toHaveProperty('feedback');
    const end = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 1, choiceId: idOf(first.turn!, 'Someone will get back to you.') });
    expect(end.ending).toMatchObject({ outcome: 'failure', score: { overall: 0, passed: false } });
    expect((await getAttempt(t.db, people.learner.id, attemptId)).transcript[0]).toMatchObject({ feedback: 'She felt processed.' });
  });

  it('is idempotent for a repeated decision and refuses conflicting, skipping, invalid and late ones', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, loaded(), 'practice');
    const once = await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, choiceId: 'feel' });
    expect(await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, choiceId: 'feel' })).toEqual(once);
    await expect(decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, choiceId: 'process' })).rejects.toMatchObject({ status: 409 });
    await expect(decideAttempt(t.db, people.learner.id, attemptId, { seq: 2, choiceId: 'fix' })).rejects.toMatchObject({ status: 409 });
    await expect(decideAttempt(t.db, people.learner.id, attemptId, { seq: 1, choiceId: 'feel' })).rejects.toMatchObject({ status: 400 });
    await decideAttempt(t.db, people.learner.id, attemptId, { seq: 1, choiceId: 'fix' });
    await expect(decideAttempt(t.db, people.learner.id, attemptId, { seq: 2, choiceId: 'fix' })).rejects.toMatchObject({ status: 409, message: 'This attempt has already ended.' });
    const [row] = await t.db.select({ n: count() }).from(decisions).where(eq(decisions.attemptId, attemptId));
    expect(row!.n).toBe(2);
  });

  it('answers a start sent again with the same Idempotency-Key with the attempt it created, even when sent at once', async () => {
    const first = await startAttempt(t.db, people.learner.id, loaded(), 'practice', undefined, 'start-key-0001');
    expect(first.repeated).toBeUndefined();
    const again = await startAttempt(t.db, people.learner.id, loaded(), 'practice', undefined, 'start-key-0001');
    expect(again).toEqual({ ...first, repeated: true });
    const racing = await Promise.all([1, 2, 3, 4, 5].map(() => startAttempt(t.db, people.learner.id, loaded(), 'practice', undefined, 'start-key-0002')));
    expect(new Set(racing.map((r) => r.attemptId)).size).toBe(1);
    const keyed = await t.db.select({ id: attempts.id }).from(attempts).where(eq(attempts.startKey, 'start-key-0002'));
    expect(keyed).toHaveLength(1);
    // Another person's key is theirs alone; without a key every start is a new attempt.
    expect((await startAttempt(t.db, people.other.id, loaded(), 'practice', undefined, 'start-key-0001')).attemptId).not.toBe(first.attemptId);
    const a = await startAttempt(t.db, people.learner.id, loaded(), 'practice');
    const b = await startAttempt(t.db, people.learner.id, loaded(), 'practice');
    expect(a.attemptId).not.toBe(b.attemptId);
  });

  it('refuses a key reused for another scenario, and a key whose attempt has ended', async () => {
    await startAttempt(t.db, people.learner.id, loaded(), 'practice', undefined, 'start-key-0003');
    const elsewhere = loaded("That's maddening.", { id: 'other-scenario' });
    await expect(startAttempt(t.db, people.learner.id, elsewhere, 'practice', undefined, 'start-key-0003')).rejects.toMatchObject({ status: 409 });
    const done = await startAttempt(t.db, people.learner.id, loaded(), 'practice', undefined, 'start-key-0004');
    await decideAttempt(t.db, people.learner.id, done.attemptId, { seq: 0, choiceId: 'feel' });
    await decideAttempt(t.db, people.learner.id, done.attemptId, { seq: 1, choiceId: 'fix' });
    await expect(startAttempt(t.db, people.learner.id, loaded(), 'practice', undefined, 'start-key-0004')).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/already ended/),
    });
  });

  it('refuses an assignment that is not the learner’s', async () => {
    await expect(startAttempt(t.db, people.learner.id, loaded(), 'checkup', '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
    const [mine] = await t.db.insert(assignments).values({ userId: people.learner.id, itemId: 'short' }).returning();
    await expect(startAttempt(t.db, people.other.id, loaded(), 'checkup', mine!.id)).rejects.toMatchObject({ status: 404 });
    await expect(startAttempt(t.db, people.learner.id, loaded(), 'checkup', mine!.id)).resolves.toMatchObject({ seq: 0 });
  });

  it('plays an assignment as one check-up: a second start resumes it, its ids say nothing, and the first completion is the result', async () => {
    const [asg] = await t.db.insert(assignments).values({ userId: people.learner.id, itemId: 'short' }).returning();
    const [wrong] = await t.db.insert(assignments).values({ userId: people.learner.id, itemId: 'another-scenario' }).returning();
    await expect(startAttempt(t.db, people.learner.id, loaded(), 'checkup', wrong!.id)).rejects.toMatchObject({ status: 400 });
    // Asked for practice, the assignment still makes it a check-up: no feedback on the way.
    const first = await startAttempt(t.db, people.learner.id, loaded(), 'practice', asg!.id);
    expect(first.mode).toBe('checkup');
    // Choice ids say nothing about the choice: opaque, and the authored ids are not accepted.
    const ids = first.turn.choices.map((c) => c.id);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-f]{10}$/);
    await expect(decideAttempt(t.db, people.learner.id, first.attemptId, { seq: 0, choiceId: 'feel' })).rejects.toMatchObject({ status: 400 });
    const a0 = await decideAttempt(t.db, people.learner.id, first.attemptId, { seq: 0, choiceId: idOf(first.turn, "That's maddening.") });
    expect(a0.feedback).toBeUndefined();
    // Starting again carries on with the same attempt, with the same ids.
    const again = await startAttempt(t.db, people.learner.id, loaded(), 'checkup', asg!.id);
    expect(again).toMatchObject({ attemptId: first.attemptId, seq: 1, mode: 'checkup', resumed: true });
    expect(again.turn).toEqual(a0.turn);
    expect((await getAttempt(t.db, people.learner.id, first.attemptId)).transcript[0]!.choiceId).toBe(idOf(first.turn, "That's maddening."));
    const open = await t.db.select().from(assignments).where(eq(assignments.id, asg!.id));
    expect(open[0]!.completedAt).toBeNull();
    const last = await decideAttempt(t.db, people.learner.id, first.attemptId, { seq: 1, choiceId: idOf(a0.turn!, 'Refunding it now.') });
    // Once the check-up is complete, its debrief shows the learner's own path and the best one.
    expect(last.ending).toMatchObject({ score: { overall: 100, passed: true }, bestPath: [{ say: "That's maddening." }, { say: 'Refunding it now.' }] });
    const done = await t.db.select().from(assignments).where(eq(assignments.id, asg!.id));
    expect(done[0]!.completedAt).toBeInstanceOf(Date);
    // Playing it again is practice, and says so; the assignment keeps its one attempt.
    const later = await startAttempt(t.db, people.learner.id, loaded(), 'checkup', asg!.id);
    expect(later).toMatchObject({ mode: 'practice', notice: PRACTICE_AFTER_CHECKUP });
    expect(later.attemptId).not.toBe(first.attemptId);
    const rows = await t.db.select({ id: attempts.id, mode: attempts.mode }).from(attempts).where(eq(attempts.assignmentId, asg!.id));
    expect(rows).toEqual([{ id: first.attemptId, mode: 'checkup' }]);
  });

  it('makes one attempt of five starts of one assignment at once', async () => {
    const [asg] = await t.db.insert(assignments).values({ userId: people.learner.id, itemId: 'short' }).returning();
    const starts = await Promise.all(Array.from({ length: 5 }, () => startAttempt(t.db, people.learner.id, loaded(), 'checkup', asg!.id)));
    expect(new Set(starts.map((s) => s.attemptId)).size).toBe(1);
    const [row] = await t.db.select({ n: count() }).from(attempts).where(eq(attempts.assignmentId, asg!.id));
    expect(row!.n).toBe(1);
  });

  it('lets a reviewer read a check-up in progress with its feedback and the best reply at each point', async () => {
    const { attemptId, turn } = await startAttempt(t.db, people.learner.id, loaded(), 'checkup');
    await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, choiceId: idOf(turn, 'Account number?') });
    const review = (await reviewAttempt(t.db, attemptId))!;
    expect(review.userId).toBe(people.learner.id);
    expect(review.transcript[0]).toMatchObject({ choiceId: 'process', feedback: 'She felt processed.', scores: { reflecting: -1 } });
    expect(review.bestAt).toMatchObject({ a: { choiceId: 'feel' }, b: { choiceId: 'fix' } });
    expect(review.ending).toBeUndefined();
    expect(await reviewAttempt(t.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('hides another learner’s attempt as not found', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, loaded(), 'practice');
    await expect(decideAttempt(t.db, people.other.id, attemptId, { seq: 0, choiceId: 'feel' })).rejects.toMatchObject({ status: 404 });
    await expect(getAttempt(t.db, people.other.id, attemptId)).rejects.toMatchObject({ status: 404 });
    await expect(getAttempt(t.db, people.learner.id, 'not-a-uuid')).rejects.toMatchObject({ status: 404 });
    await expect(getAttempt(t.db, people.other.id, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
    // The asker is told nothing, but the probing of a real attempt is on record; a missing one is not.
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, 'access.not_found'));
    expect(rows.map((r) => [r.actorId, r.subject, r.detail])).toEqual([
      [people.other.id, `attempt ${attemptId}`, { why: 'another person’s attempt' }],
      [people.other.id, `attempt ${attemptId}`, { why: 'another person’s attempt' }],
    ]);
  });

  it('stores one row when the same decision arrives 20 times at once', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, loaded(), 'practice');
    const answers = await Promise.all(Array.from({ length: 20 }, () => decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, choiceId: 'feel' })));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const [row] = await t.db.select({ n: count() }).from(decisions).where(eq(decisions.attemptId, attemptId));
    expect(row!.n).toBe(1);
  });

  it('keeps an old transcript as it was played after the scenario is edited', async () => {
    const { attemptId } = await startAttempt(t.db, people.learner.id, loaded("That's maddening."), 'practice');
    await decideAttempt(t.db, people.learner.id, attemptId, { seq: 0, choiceId: 'feel' });
    const edited = await startAttempt(t.db, people.learner.id, loaded('Two charges? That would annoy anyone.'), 'practice');
    expect(edited.turn.choices.find((c) => c.id === 'feel')!.say).toBe('Two charges? That would annoy anyone.');
    expect((await getAttempt(t.db, people.learner.id, attemptId)).transcript[0]!.say).toBe("That's maddening.");
  });
});

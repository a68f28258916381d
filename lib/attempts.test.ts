import { count, eq } from 'drizzle-orm';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assignments, attempts, auditLog, decisions, sessions, users } from '@/db/schema';
import { createTestDatabase, makeUser, testDrivers, type TestDatabase } from '@/db/testing';
import { analyse } from '@/lib/scenario/analysis';
import { versionHash, type LoadedScenario } from '@/lib/scenario/course';
import { ScenarioSchema } from '@/lib/scenario/schema';
import { decideAttempt, decideOnUsualPath, getAttempt, PRACTICE_AFTER_CHECKUP, reviewAttempt, startAttempt, type Turn } from './attempts';
import { createSession, endSession } from '@/lib/auth/sessions';

/** The id a turn shows for the choice that says `say` (opaque in a check-up). */
const idOf = (turn: Turn, say: string) => turn.choices.find((c) => c.say === say)!.id;

const WARM = "Pat, being charged twice is maddening, I'd be furious too. I'm refunding the second charge right now.";

const yaml = (say: string) => `
id: short
title: Short
channel: chat
persona: pat
summary: A fixture.
principles: [P1]
skills: [reflecting]
start: a
nodes:
  a:
    customer: I was charged twice.
    clue: frustration
    choices:
      - { id: feel, say: "${say}", empathy: true, scores: { reflecting: 2 }, mood: 2, feedback: She felt heard., next: b }
      - { id: process, say: Account number?, scores: { reflecting: -1 }, mood: -1, feedback: She felt processed., next: b }
  b:
    customer: So what now?
    choices:
      - { id: fix, say: Refunding it now., scores: { reflecting: 1 }, mood: 2, feedback: Clear action., next: happy }
      - { id: stall, say: Someone will get back to you., scores: { reflecting: -2 }, mood: -2, feedback: Vague., next: sad }
endings:
  happy: { outcome: success, customer: Thanks!, summary: Went well. }
  sad: { outcome: failure, customer: Bye., summary: Went badly. }
  meh: { outcome: partial, customer: Okay., summary: So-so. }
`;

function loaded(say = "That's maddening.", extra: Record<string, unknown> = {}): LoadedScenario {
  const scenario = ScenarioSchema.parse({ ...parse(yaml(say)), ...extra });
  const persona = { id: 'pat', name: 'Pat', situation: 's', voice: 'v', mood: 0 };
  return { scenario, persona, file: 'x', analysis: analyse(scenario, 0), hash: versionHash(scenario, 0) };
}

describe.each(testDrivers)('attempts on %s', (driver) => {
  let t: TestDatabase;
  let learner: { id: string };
  let other: { id: string };
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    learner = await makeUser(t.db, { email: 'l@example.com' });
    other = await makeUser(t.db, { email: 'o@example.com' });
  });
  afterAll(() => t.dispose());

  it('starts with a turn that carries no scores, feedback or destinations', async () => {
    const { attemptId, seq, turn } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    expect(seq).toBe(0);
    expect(turn).toMatchObject({ nodeId: 'a', customer: 'I was charged twice.', mood: 0 });
    expect(turn.choices.map((c) => c.id).sort()).toEqual(['feel', 'process']);
    expect(Object.keys(turn.choices[0]!).sort()).toEqual(['id', 'say']);
    // Resuming shows the same order.
    expect((await getAttempt(t.db, learner.id, attemptId)).turn).toEqual(turn);
  });

  it('in practice, answers each decision with its feedback and skill changes, then the ending', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const first = await decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'feel', elapsedMs: 1200 });
    expect(first).toMatchObject({ seq: 0, mood: 2, feedback: 'She felt heard.', scores: { reflecting: 2, timing: 2 }, turn: { nodeId: 'b' } });
    const last = await decideAttempt(t.db, learner.id, attemptId, { seq: 1, choiceId: 'fix' });
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
    const { attemptId, turn } = await startAttempt(t.db, learner.id, loaded(), 'checkup');
    const first = await decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: idOf(turn, 'Account number?') });
    expect(first.feedback).toBeUndefined();
    expect(first.scores).toBeUndefined();
    expect((await getAttempt(t.db, learner.id, attemptId)).transcript[0]).not.toHaveProperty('feedback');
    const end = await decideAttempt(t.db, learner.id, attemptId, { seq: 1, choiceId: idOf(first.turn!, 'Someone will get back to you.') });
    expect(end.ending).toMatchObject({ outcome: 'failure', score: { overall: 0, passed: false } });
    expect((await getAttempt(t.db, learner.id, attemptId)).transcript[0]).toMatchObject({ feedback: 'She felt processed.' });
  });

  it('is idempotent for a repeated decision and refuses conflicting, skipping, invalid and late ones', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const once = await decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'feel' });
    expect(await decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'feel' })).toEqual(once);
    await expect(decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'process' })).rejects.toMatchObject({ status: 409 });
    await expect(decideAttempt(t.db, learner.id, attemptId, { seq: 2, choiceId: 'fix' })).rejects.toMatchObject({ status: 409 });
    await expect(decideAttempt(t.db, learner.id, attemptId, { seq: 1, choiceId: 'feel' })).rejects.toMatchObject({ status: 400 });
    await decideAttempt(t.db, learner.id, attemptId, { seq: 1, choiceId: 'fix' });
    await expect(decideAttempt(t.db, learner.id, attemptId, { seq: 2, choiceId: 'fix' })).rejects.toMatchObject({ status: 409, message: 'This attempt has already ended.' });
    const [row] = await t.db.select({ n: count() }).from(decisions).where(eq(decisions.attemptId, attemptId));
    expect(row!.n).toBe(2);
  });

  it('answers a start sent again with the same Idempotency-Key with the attempt it created, even when sent at once', async () => {
    const first = await startAttempt(t.db, learner.id, loaded(), 'practice', undefined, 'start-key-0001');
    expect(first.repeated).toBeUndefined();
    const again = await startAttempt(t.db, learner.id, loaded(), 'practice', undefined, 'start-key-0001');
    expect(again).toEqual({ ...first, repeated: true });
    const racing = await Promise.all([1, 2, 3, 4, 5].map(() => startAttempt(t.db, learner.id, loaded(), 'practice', undefined, 'start-key-0002')));
    expect(new Set(racing.map((r) => r.attemptId)).size).toBe(1);
    const keyed = await t.db.select({ id: attempts.id }).from(attempts).where(eq(attempts.startKey, 'start-key-0002'));
    expect(keyed).toHaveLength(1);
    // Another person's key is theirs alone; without a key every start is a new attempt.
    expect((await startAttempt(t.db, other.id, loaded(), 'practice', undefined, 'start-key-0001')).attemptId).not.toBe(first.attemptId);
    const a = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const b = await startAttempt(t.db, learner.id, loaded(), 'practice');
    expect(a.attemptId).not.toBe(b.attemptId);
  });

  it('refuses a key reused for another scenario, and a key whose attempt has ended', async () => {
    await startAttempt(t.db, learner.id, loaded(), 'practice', undefined, 'start-key-0003');
    const elsewhere = loaded("That's maddening.", { id: 'other-scenario' });
    await expect(startAttempt(t.db, learner.id, elsewhere, 'practice', undefined, 'start-key-0003')).rejects.toMatchObject({ status: 409 });
    const done = await startAttempt(t.db, learner.id, loaded(), 'practice', undefined, 'start-key-0004');
    await decideAttempt(t.db, learner.id, done.attemptId, { seq: 0, choiceId: 'feel' });
    await decideAttempt(t.db, learner.id, done.attemptId, { seq: 1, choiceId: 'fix' });
    await expect(startAttempt(t.db, learner.id, loaded(), 'practice', undefined, 'start-key-0004')).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/already ended/),
    });
  });

  it('refuses an assignment that is not the learner’s', async () => {
    await expect(startAttempt(t.db, learner.id, loaded(), 'checkup', '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
    const [mine] = await t.db.insert(assignments).values({ userId: learner.id, itemId: 'short' }).returning();
    await expect(startAttempt(t.db, other.id, loaded(), 'checkup', mine!.id)).rejects.toMatchObject({ status: 404 });
    await expect(startAttempt(t.db, learner.id, loaded(), 'checkup', mine!.id)).resolves.toMatchObject({ seq: 0 });
  });

  it('plays an assignment as one check-up: a second start resumes it, its ids say nothing, and the first completion is the result', async () => {
    const [asg] = await t.db.insert(assignments).values({ userId: learner.id, itemId: 'short' }).returning();
    const [wrong] = await t.db.insert(assignments).values({ userId: learner.id, itemId: 'another-scenario' }).returning();
    await expect(startAttempt(t.db, learner.id, loaded(), 'checkup', wrong!.id)).rejects.toMatchObject({ status: 400 });
    // Asked for practice, the assignment still makes it a check-up: no feedback on the way.
    const first = await startAttempt(t.db, learner.id, loaded(), 'practice', asg!.id);
    expect(first.mode).toBe('checkup');
    // Choice ids say nothing about the choice: opaque, and the authored ids are not accepted.
    const ids = first.turn.choices.map((c) => c.id);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-f]{10}$/);
    await expect(decideAttempt(t.db, learner.id, first.attemptId, { seq: 0, choiceId: 'feel' })).rejects.toMatchObject({ status: 400 });
    const a0 = await decideAttempt(t.db, learner.id, first.attemptId, { seq: 0, choiceId: idOf(first.turn, "That's maddening.") });
    expect(a0.feedback).toBeUndefined();
    // Starting again carries on with the same attempt, with the same ids.
    const again = await startAttempt(t.db, learner.id, loaded(), 'checkup', asg!.id);
    expect(again).toMatchObject({ attemptId: first.attemptId, seq: 1, mode: 'checkup', resumed: true });
    expect(again.turn).toEqual(a0.turn);
    expect((await getAttempt(t.db, learner.id, first.attemptId)).transcript[0]!.choiceId).toBe(idOf(first.turn, "That's maddening."));
    const open = await t.db.select().from(assignments).where(eq(assignments.id, asg!.id));
    expect(open[0]!.completedAt).toBeNull();
    const last = await decideAttempt(t.db, learner.id, first.attemptId, { seq: 1, choiceId: idOf(a0.turn!, 'Refunding it now.') });
    // Once the check-up is complete, its debrief shows the learner's own path and the best one.
    expect(last.ending).toMatchObject({ score: { overall: 100, passed: true }, bestPath: [{ say: "That's maddening." }, { say: 'Refunding it now.' }] });
    const done = await t.db.select().from(assignments).where(eq(assignments.id, asg!.id));
    expect(done[0]!.completedAt).toBeInstanceOf(Date);
    // Playing it again is practice, and says so; the assignment keeps its one attempt.
    const later = await startAttempt(t.db, learner.id, loaded(), 'checkup', asg!.id);
    expect(later).toMatchObject({ mode: 'practice', notice: PRACTICE_AFTER_CHECKUP });
    expect(later.attemptId).not.toBe(first.attemptId);
    const rows = await t.db.select({ id: attempts.id, mode: attempts.mode }).from(attempts).where(eq(attempts.assignmentId, asg!.id));
    expect(rows).toEqual([{ id: first.attemptId, mode: 'checkup' }]);
  });

  it('makes one attempt of five starts of one assignment at once', async () => {
    const [asg] = await t.db.insert(assignments).values({ userId: learner.id, itemId: 'short' }).returning();
    const starts = await Promise.all(Array.from({ length: 5 }, () => startAttempt(t.db, learner.id, loaded(), 'checkup', asg!.id)));
    expect(new Set(starts.map((s) => s.attemptId)).size).toBe(1);
    const [row] = await t.db.select({ n: count() }).from(attempts).where(eq(attempts.assignmentId, asg!.id));
    expect(row!.n).toBe(1);
  });

  it('lets a reviewer read a check-up in progress with its feedback and the best reply at each point', async () => {
    const { attemptId, turn } = await startAttempt(t.db, learner.id, loaded(), 'checkup');
    await decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: idOf(turn, 'Account number?') });
    const review = (await reviewAttempt(t.db, attemptId))!;
    expect(review.userId).toBe(learner.id);
    expect(review.transcript[0]).toMatchObject({ choiceId: 'process', feedback: 'She felt processed.', scores: { reflecting: -1 } });
    expect(review.bestAt).toMatchObject({ a: { choiceId: 'feel' }, b: { choiceId: 'fix' } });
    expect(review.ending).toBeUndefined();
    expect(await reviewAttempt(t.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('hides another learner’s attempt as not found', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    await expect(decideAttempt(t.db, other.id, attemptId, { seq: 0, choiceId: 'feel' })).rejects.toMatchObject({ status: 404 });
    await expect(getAttempt(t.db, other.id, attemptId)).rejects.toMatchObject({ status: 404 });
    await expect(getAttempt(t.db, learner.id, 'not-a-uuid')).rejects.toMatchObject({ status: 404 });
    await expect(getAttempt(t.db, other.id, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
    // The asker is told nothing, but the probing of a real attempt is on record; a missing one is not.
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, 'access.not_found'));
    expect(rows.map((r) => [r.actorId, r.subject, r.detail])).toEqual([
      [other.id, `attempt ${attemptId}`, { why: 'another person’s attempt' }],
      [other.id, `attempt ${attemptId}`, { why: 'another person’s attempt' }],
    ]);
  });

  it('stores one row when the same decision arrives 20 times at once', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const answers = await Promise.all(Array.from({ length: 20 }, () => decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'feel' })));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const [row] = await t.db.select({ n: count() }).from(decisions).where(eq(decisions.attemptId, attemptId));
    expect(row!.n).toBe(1);
  });

  it('keeps an old transcript as it was played after the scenario is edited', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded("That's maddening."), 'practice');
    await decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'feel' });
    const edited = await startAttempt(t.db, learner.id, loaded('Two charges? That would annoy anyone.'), 'practice');
    expect(edited.turn.choices.find((c) => c.id === 'feel')!.say).toBe('Two charges? That would annoy anyone.');
    expect((await getAttempt(t.db, learner.id, attemptId)).transcript[0]!.say).toBe("That's maddening.");
  });
});

describe.each(testDrivers)('the usual decision path on %s', (driver) => {
  let t: TestDatabase;
  let learner: { id: string };
  let sid: string;
  const rows = async (attemptId: string) =>
    (await t.db.select({ n: count() }).from(decisions).where(eq(decisions.attemptId, attemptId)))[0]!.n;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    learner = await makeUser(t.db, { email: 'usual@example.com' });
    sid = await createSession(t.db, learner.id);
    // Every claim below is for session version 1, a new account's.
    expect((await t.db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, learner.id)))[0]!.sv).toBe(1);
  });
  afterAll(() => t.dispose());

  it('records the next decision of an attempt this process started in one statement, as the full path would', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const answer = await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid }, attemptId, { seq: 0, choiceId: 'feel' });
    expect(answer).toMatchObject({ seq: 0, feedback: 'She felt heard.', turn: { nodeId: 'b' } });
    expect(await rows(attemptId)).toBe(1);
    // A repeat is not the usual path: the full path answers it, identically.
    expect(await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid }, attemptId, { seq: 0, choiceId: 'feel' })).toBeNull();
    expect(await decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'feel' })).toEqual(answer);
    const end = await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid }, attemptId, { seq: 1, choiceId: 'fix' });
    expect(end?.ending).toMatchObject({ id: 'happy', outcome: 'success' });
    expect(await getAttempt(t.db, learner.id, attemptId)).toMatchObject({ status: 'completed', seq: 2 });
    expect(await rows(attemptId)).toBe(2);
  });

  it('writes nothing for an ended session, a deactivated user or someone else, and leaves the answer to the full path', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    expect(await decideOnUsualPath(t.db, { uid: learner.id, sv: 2, sid }, attemptId, { seq: 0, choiceId: 'feel' })).toBeNull();
    const stranger = await makeUser(t.db, { email: 'stranger@example.com' });
    const strangerSid = await createSession(t.db, stranger.id);
    expect(await decideOnUsualPath(t.db, { uid: stranger.id, sv: 1, sid: strangerSid }, attemptId, { seq: 0, choiceId: 'feel' })).toBeNull();
    const { attemptId: second } = await startAttempt(t.db, stranger.id, loaded(), 'practice');
    await t.db.update(users).set({ active: false }).where(eq(users.id, stranger.id));
    expect(await decideOnUsualPath(t.db, { uid: stranger.id, sv: 1, sid: strangerSid }, second, { seq: 0, choiceId: 'feel' })).toBeNull();
    expect(await rows(attemptId)).toBe(0);
    expect(await rows(second)).toBe(0);
  });

  it('writes nothing for a session that was signed out, has gone idle, or names no session row', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const signedOut = await createSession(t.db, learner.id);
    await endSession(t.db, signedOut, 'signed out');
    expect(await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid: signedOut }, attemptId, { seq: 0, choiceId: 'feel' })).toBeNull();
    const idle = await createSession(t.db, learner.id);
    await t.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 2 * 3_600_000) }).where(eq(sessions.id, idle));
    expect(await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid: idle }, attemptId, { seq: 0, choiceId: 'feel' })).toBeNull();
    expect(await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid: '' }, attemptId, { seq: 0, choiceId: 'feel' })).toBeNull();
    expect(await rows(attemptId)).toBe(0);
    // A decision on a live session keeps it from going idle (a new attempt: a miss hands an attempt to the full path).
    const { attemptId: fresh } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const live = await createSession(t.db, learner.id);
    await t.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 30 * 60_000) }).where(eq(sessions.id, live));
    expect(await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid: live }, fresh, { seq: 0, choiceId: 'feel' })).not.toBeNull();
    const [seen] = await t.db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.id, live));
    expect(Date.now() - seen!.at.getTime()).toBeLessThan(60_000);
  });

  it('misses harmlessly when another instance has moved the attempt on, and the full path then answers from the database', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    // A second copy of the module stands for a second app instance with its own memory.
    vi.resetModules();
    const otherInstance = await import('./attempts');
    await otherInstance.decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'process' });
    expect(await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid }, attemptId, { seq: 0, choiceId: 'feel' })).toBeNull();
    await expect(decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'feel' })).rejects.toMatchObject({ status: 409 });
    await otherInstance.decideAttempt(t.db, learner.id, attemptId, { seq: 1, choiceId: 'stall' });
    expect(await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid }, attemptId, { seq: 1, choiceId: 'fix' })).toBeNull();
    expect(await rows(attemptId)).toBe(2);
    expect(await getAttempt(t.db, learner.id, attemptId)).toMatchObject({ status: 'completed', ending: { id: 'sad' } });
  });
});

describe.each(testDrivers)('typed replies on %s', (driver) => {
  let t: TestDatabase;
  let learner: { id: string };
  let sid: string;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    learner = await makeUser(t.db, { email: 'typist@example.com' });
    sid = await createSession(t.db, learner.id);
  });
  afterAll(() => t.dispose());
  const stored = async (attemptId: string) =>
    t.db.select({ seq: decisions.seq, choiceId: decisions.choiceId, replyText: decisions.replyText, coach: decisions.coach, scores: decisions.scores }).from(decisions).where(eq(decisions.attemptId, attemptId));

  it('scores a reply by what the coach finds, follows the choice it is closest to, and stores the text with the findings', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const answer = await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid }, attemptId, { seq: 0, reply: WARM, elapsedMs: 9000 });
    expect(answer).toMatchObject({ seq: 0, mood: 2, feedback: 'She felt heard.', turn: { nodeId: 'b' } });
    expect(answer!.reply).toMatchObject({ text: WARM, heardAs: { choiceId: 'feel', say: "That's maddening." } });
    const detectors = answer!.reply!.findings!.map((f) => f.detector);
    expect(detectors).toEqual(expect.arrayContaining(['names-customer', 'names-feeling']));
    const name = answer!.reply!.findings!.find((f) => f.detector === 'names-customer')!;
    expect(WARM.slice(name.spans[0]!.start, name.spans[0]!.end)).toBe('Pat');
    expect(answer!.reply!.suggestion).toEqual(expect.any(String));
    // Only this scenario's skills count (reflecting, and timing for answering the open clue at once).
    expect(answer!.scores).toEqual({ reflecting: expect.any(Number), timing: 2 });
    expect(answer!.scores!.reflecting).toBeGreaterThan(0);
    const [row] = await stored(attemptId);
    expect(row).toMatchObject({ seq: 0, choiceId: 'feel', replyText: WARM, scores: answer!.scores });
    expect(row!.coach!.findings.map((f) => f.detector)).toEqual(detectors);
    // Read back (resume, debrief): the typed words stand in the transcript, with how they were heard.
    const view = await getAttempt(t.db, learner.id, attemptId);
    expect(view.transcript[0]).toMatchObject({ say: WARM, choiceId: 'feel', reply: { text: WARM, heardAs: { choiceId: 'feel' } } });
    expect(view.freeText).toBe(true);
  });

  it('hears a cold reply as the cold choice: its mood, its branch, no timing credit', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const answer = await decideAttempt(t.db, learner.id, attemptId, { seq: 0, reply: 'What is your account number?' });
    expect(answer).toMatchObject({ mood: -1, reply: { heardAs: { choiceId: 'process' } } });
    expect(answer.scores?.timing).toBeUndefined();
    const end = await decideAttempt(t.db, learner.id, attemptId, { seq: 1, reply: 'Someone from the billing team will get back to you at some point.' });
    expect(end.reply?.heardAs.choiceId).toBe('stall');
    expect(end.reply?.findings?.map((f) => f.detector)).toContain('vague-handoff');
    // The clue was never answered: the ending's timing penalty applies as for picked choices.
    expect(end.ending).toMatchObject({ outcome: 'failure' });
    expect(end.scores?.timing).toBe(-2);
  });

  it('answers a repeated reply the same (whitespace and line endings aside) and refuses a different one for the same turn', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const once = await decideAttempt(t.db, learner.id, attemptId, { seq: 0, reply: `${WARM}\r\n` });
    expect(once.reply?.text).toBe(WARM);
    expect(await decideAttempt(t.db, learner.id, attemptId, { seq: 0, reply: `  ${WARM}` })).toEqual(once);
    await expect(decideAttempt(t.db, learner.id, attemptId, { seq: 0, reply: 'Something else entirely.' })).rejects.toMatchObject({ status: 409 });
    // Picking the choice it was heard as is still a different decision.
    await expect(decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'feel' })).rejects.toMatchObject({ status: 409 });
    await expect(decideAttempt(t.db, learner.id, attemptId, { seq: 0, reply: '   ' })).rejects.toMatchObject({ status: 409 });
    await expect(decideAttempt(t.db, learner.id, attemptId, { seq: 1, reply: ' \n ' })).rejects.toMatchObject({ status: 400 });
    expect(await stored(attemptId)).toHaveLength(1);
  });

  it('stores 20 identical replies sent at once as one decision', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const answers = await Promise.all(Array.from({ length: 20 }, () => decideAttempt(t.db, learner.id, attemptId, { seq: 0, reply: WARM })));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(await stored(attemptId)).toHaveLength(1);
  });

  it('in a check-up, shows how a reply was heard but not the findings until the end, and refuses replies where the scenario says so', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'checkup');
    const first = await decideAttempt(t.db, learner.id, attemptId, { seq: 0, reply: WARM });
    // How it was heard names the choice by the attempt's opaque id, like the turn did.
    expect(first.reply).toEqual({ text: WARM, heardAs: { choiceId: expect.stringMatching(/^c[0-9a-f]{10}$/), say: "That's maddening." } });
    expect(first.scores).toBeUndefined();
    expect((await getAttempt(t.db, learner.id, attemptId)).transcript[0]!.reply).not.toHaveProperty('findings');
    await decideAttempt(t.db, learner.id, attemptId, { seq: 1, choiceId: idOf(first.turn!, 'Refunding it now.') });
    const done = await getAttempt(t.db, learner.id, attemptId);
    expect(done.transcript[0]!.reply!.findings!.length).toBeGreaterThan(0);
    // A manager reviewing it sees the typed words and findings too.
    const review = await reviewAttempt(t.db, attemptId);
    expect(review!.transcript[0]).toMatchObject({ say: WARM, reply: { suggestion: expect.any(String) } });

    const strict = loaded(undefined, { freeText: false });
    const { attemptId: closed } = await startAttempt(t.db, learner.id, strict, 'checkup');
    expect((await getAttempt(t.db, learner.id, closed)).freeText).toBe(false);
    await expect(decideAttempt(t.db, learner.id, closed, { seq: 0, reply: WARM })).rejects.toMatchObject({ status: 400 });
    // Practice is always open to typed replies.
    const { attemptId: open } = await startAttempt(t.db, learner.id, strict, 'practice');
    expect((await decideAttempt(t.db, learner.id, open, { seq: 0, reply: WARM })).reply?.heardAs.choiceId).toBe('feel');
  });

  it('replays an attempt with typed replies from the attempt row alone, as it was scored', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const first = await decideAttempt(t.db, learner.id, attemptId, { seq: 0, reply: WARM });
    await decideAttempt(t.db, learner.id, attemptId, { seq: 1, choiceId: 'fix' });
    const [row] = await t.db.select({ replyScores: attempts.replyScores, skillScores: attempts.skillScores }).from(attempts).where(eq(attempts.id, attemptId));
    expect(row!.replyScores['0']).toMatchObject({ empathy: true });
    expect(row!.skillScores.timing).toBe(2);
    expect(row!.skillScores.reflecting).toBe(first.scores!.reflecting! + 1);
    expect((await getAttempt(t.db, learner.id, attemptId)).transcript.map((s) => s.scores)).toEqual([first.scores, { reflecting: 1 }]);
  });
});

// Three turns that say what they are about, for replies judged in context.
const CONTEXT = `
id: gym
title: Gym
channel: phone
persona: pat
summary: A fixture.
principles: [P1]
skills: [reflecting, apologizing, ownership, language]
passScore: 0
start: a
nodes:
  a:
    customer: You charged my gym membership twice and now my rent payment has bounced.
    clue: worry
    about: { facts: [gym membership, rent payment], fits: [apology] }
    choices:
      - { id: feel, say: "Charged twice and your rent bounced? That is a worry, and it is our mistake.", empathy: true, scores: { reflecting: 2, apologizing: 1 }, mood: 2, feedback: Heard., next: b }
      - { id: process, say: Can I take the membership number?, scores: { reflecting: -1, language: -1 }, mood: -1, feedback: Processed., next: b }
  b:
    customer: So what happens about the rent?
    about: { facts: [rent], fits: [commitment] }
    choices:
      - { id: fix, say: "I'm refunding the second charge now and sending a letter for your landlord today.", scores: { ownership: 2 }, mood: 2, feedback: Clear., next: c }
      - { id: stall, say: Someone will look into it., scores: { ownership: -2 }, mood: -3, feedback: Vague., next: sad }
  c:
    customer: And will the gym fee come out again next month?
    about: { facts: [gym fee, next month], fits: [commitment] }
    choices:
      - { id: watch, say: "I've put a hold on the duplicate so next month's gym fee comes out once.", scores: { ownership: 2 }, mood: 1, feedback: Sure., next: happy }
      - { id: shrug, say: It should be fine., scores: { ownership: -1 }, mood: -1, feedback: Unsure., next: happy }
endings:
  happy: { outcome: success, customer: Thanks!, summary: Went well. }
  sad: { outcome: failure, customer: Bye., summary: Went badly. }
  meh: { outcome: partial, customer: Okay., summary: So-so. }
`;

function contextual(): LoadedScenario {
  const scenario = ScenarioSchema.parse(parse(CONTEXT));
  const persona = { id: 'pat', name: 'Pat Lee', situation: 's', voice: 'v', mood: 0 };
  return { scenario, persona, file: 'x', analysis: analyse(scenario, 0), hash: versionHash(scenario, 0) };
}

const TEMPLATE = "I'm so sorry we got this wrong. I can hear how worried you are, and I'm on your side: we'll sort this out together.";
const positives = (scores: Record<string, number> = {}) => Object.entries(scores).filter(([k, v]) => v > 0 && k !== 'timing');

describe.each(testDrivers)('typed replies judged against their turn on %s', (driver) => {
  let t: TestDatabase;
  let learner: { id: string };
  let sid: string;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    learner = await makeUser(t.db, { email: 'ctx@example.com' });
    sid = await createSession(t.db, learner.id);
  });
  afterAll(() => t.dispose());

  it('gives a reply pasted again nothing the second time, and charges language for it, on either path', async () => {
    for (const usual of [false, true]) {
      const { attemptId } = await startAttempt(t.db, learner.id, contextual(), 'practice');
      const send = (seq: number, reply: string) =>
        usual ? decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid }, attemptId, { seq, reply }) : decideAttempt(t.db, learner.id, attemptId, { seq, reply });
      const first = (await send(0, TEMPLATE))!;
      expect(positives(first.scores).length).toBeGreaterThan(0);
      const second = (await send(1, TEMPLATE))!;
      expect(positives(second.scores)).toEqual([]);
      expect(second.scores!.language).toBe(-2);
      expect(second.reply!.findings).toContainEqual(expect.objectContaining({ detector: 'repeats', skill: 'language', delta: -2 }));
      expect(second.reply!.suggestion).toMatch(/^Write this one fresh/);
    }
  });

  it('gives a reply that does not answer the turn no positive credit, and says so', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, contextual(), 'practice');
    const answer = await decideAttempt(t.db, learner.id, attemptId, { seq: 0, reply: "Thank you for calling, I'm so sorry for any trouble. We'll get everything sorted for you." });
    expect(positives(answer.scores)).toEqual([]);
    // No empathy for the open clue either: no timing credit.
    expect(answer.scores?.timing ?? 0).toBeLessThanOrEqual(0);
    expect(answer.reply!.findings).toContainEqual(expect.objectContaining({ detector: 'off-topic', note: expect.stringMatching(/^This doesn't answer what Pat just told you/) }));
  });

  it('charges a move that misfits the moment: a time promised before the rep knows what they can do', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, contextual(), 'practice');
    const answer = await decideAttempt(t.db, learner.id, attemptId, {
      seq: 0,
      reply: "Pat, a bounced rent payment is a real worry. I'll have the whole thing refunded by 3pm today, I promise.",
    });
    expect(answer.scores!.ownership).toBeLessThan(0);
    expect(answer.reply!.findings).toContainEqual(expect.objectContaining({ skill: 'ownership', delta: -1, note: expect.stringMatching(/promises an outcome you cannot be sure of/) }));
    // The same promise where the rep knows what they are committing to (and does not swear to it) is credit.
    const later = await decideAttempt(t.db, learner.id, attemptId, { seq: 1, reply: "I'm refunding the duplicate gym charge now and I'll email a letter for your landlord about the rent by 3pm." });
    expect(later.scores!.ownership).toBeGreaterThan(0);
  });

  it('never scores a typed reply above the best authored choice at its point', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, contextual(), 'practice');
    const answer = await decideAttempt(t.db, learner.id, attemptId, {
      seq: 0,
      reply: "Pat, I'm so sorry: we took your gym membership twice and your rent payment bounced because of us. That must be frightening. If I've got this right, you need the rent sorted first, so let's fix it together: I'm refunding it now.",
    });
    const total = Object.entries(answer.scores!).filter(([k]) => k !== 'timing').reduce((a, [, v]) => a + v, 0);
    expect(total).toBeLessThanOrEqual(3);
  });

  it('never passes an attempt that ends in failure, whatever its score', async () => {
    // The pass mark is 0 here, so only the ending can fail it.
    const { attemptId } = await startAttempt(t.db, learner.id, contextual(), 'practice');
    await decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'feel' });
    const end = await decideAttempt(t.db, learner.id, attemptId, { seq: 1, choiceId: 'stall' });
    expect(end.ending).toMatchObject({ outcome: 'failure', score: { passed: false } });
    expect(end.ending!.score.overall).toBeGreaterThan(0);
    const { attemptId: good } = await startAttempt(t.db, learner.id, contextual(), 'practice');
    await decideAttempt(t.db, learner.id, good, { seq: 0, choiceId: 'process' });
    await decideAttempt(t.db, learner.id, good, { seq: 1, choiceId: 'fix' });
    expect((await decideAttempt(t.db, learner.id, good, { seq: 2, choiceId: 'shrug' })).ending).toMatchObject({ outcome: 'success', score: { passed: true } });
  });
});

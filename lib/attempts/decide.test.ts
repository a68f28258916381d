// The decision entry point: the one-statement usual path, and the full path it hands everything else to.
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { decisions, sessions, users } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { createSession, endSession } from '@/lib/auth/sessions';
import { HttpError } from '@/lib/http-error';
import { decide, decideAttempt, decideOnUsualPath } from './decide';
import { getAttempt } from './read';
import { startAttempt } from './start';
import { loaded } from './testing';

describe.each(testDrivers)('the usual decision path on %s', (driver) => {
  const t = blockDatabase(driver);
  let learner: { id: string };
  let sid: string;
  const rows = async (attemptId: string) =>
    (await t.db.select({ n: count() }).from(decisions).where(eq(decisions.attemptId, attemptId)))[0]!.n;
  beforeAll(async () => {
    learner = await makeUser(t.db, { email: 'usual@example.com' });
    sid = await createSession(t.db, learner.id);
    // Every claim below is for session version 1, a new account's.
    expect((await t.db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, learner.id)))[0]!.sv).toBe(1);
  });

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

  it('decides the usual case without the full check, and any other only after it, which may refuse', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    const claims = { uid: learner.id, sv: 1, sid };
    const fullCheck = vi.fn(async () => learner);
    const first = await decide(t.db, claims, attemptId, { seq: 0, choiceId: 'feel' }, fullCheck);
    expect(first).toMatchObject({ seq: 0, feedback: 'She felt heard.', turn: { nodeId: 'b' } });
    expect(fullCheck).not.toHaveBeenCalled();
    // A repeat is not the usual path: it is answered only once the full check has passed.
    expect(await decide(t.db, claims, attemptId, { seq: 0, choiceId: 'feel' }, fullCheck)).toEqual(first);
    expect(fullCheck).toHaveBeenCalledTimes(1);
    const ended = new HttpError(401, 'Your session has ended. Sign in again.');
    await expect(decide(t.db, { ...claims, sv: 2 }, attemptId, { seq: 1, choiceId: 'fix' }, () => Promise.reject(ended))).rejects.toBe(ended);
    expect(await rows(attemptId)).toBe(1);
  });

  it('misses harmlessly when another instance has moved the attempt on, and the full path then answers from the database', async () => {
    const { attemptId } = await startAttempt(t.db, learner.id, loaded(), 'practice');
    // A second copy of the module stands for a second app instance with its own memory.
    vi.resetModules();
    const otherInstance = await import('./decide');
    await otherInstance.decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'process' });
    expect(await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid }, attemptId, { seq: 0, choiceId: 'feel' })).toBeNull();
    await expect(decideAttempt(t.db, learner.id, attemptId, { seq: 0, choiceId: 'feel' })).rejects.toMatchObject({ status: 409 });
    await otherInstance.decideAttempt(t.db, learner.id, attemptId, { seq: 1, choiceId: 'stall' });
    expect(await decideOnUsualPath(t.db, { uid: learner.id, sv: 1, sid }, attemptId, { seq: 1, choiceId: 'fix' })).toBeNull();
    expect(await rows(attemptId)).toBe(2);
    expect(await getAttempt(t.db, learner.id, attemptId)).toMatchObject({ status: 'completed', ending: { id: 'sad' } });
  });
});

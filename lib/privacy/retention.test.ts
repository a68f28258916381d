import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, decisions, sessions, signInFailures } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { decideAttempt } from '@/lib/attempts/decide';
import { startAttempt } from '@/lib/attempts/start';
import { parseEnv } from '@/lib/env';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { ERASED_REPLY } from './erase';
import { describeRemoved, RETENTION_BATCH, retentionPolicy, runRetention } from './retention';

const now = new Date('2030-06-01T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('the retention policy', () => {
  it('keeps audit rows a year unless AUDIT_RETENTION_DAYS says otherwise, and takes the sign-in and session limits from the environment', () => {
    expect(retentionPolicy(parseEnv({}))).toEqual({ auditDays: 365, signInWindowMinutes: 15, sessionIdleMinutes: 60, sessionMaxHours: 12, typedReplyDays: null });
    expect(retentionPolicy(parseEnv({ AUDIT_RETENTION_DAYS: '90', SESSION_MAX_HOURS: '24', TYPED_REPLY_RETENTION_DAYS: '180' }))).toMatchObject({
      auditDays: 90,
      sessionMaxHours: 24,
      typedReplyDays: 180,
    });
  });

  it('says nothing when nothing went, and what went otherwise', () => {
    const policy = retentionPolicy(parseEnv({}));
    expect(describeRemoved({ auditRows: 0, signInFailures: 0, sessions: 0, repliesErased: 0, statementsSent: 0 }, policy)).toBeNull();
    expect(describeRemoved({ auditRows: 3, signInFailures: 1, sessions: 2, repliesErased: 0, statementsSent: 0 }, policy)).toBe(
      'Retention: removed 3 audit rows older than 365 days, 1 spent sign-in failures and 2 sessions over for 30 days.',
    );
    expect(describeRemoved({ auditRows: 0, signInFailures: 0, sessions: 0, repliesErased: 4, statementsSent: 0 }, { ...policy, typedReplyDays: 90 })).toBe(
      'Retention: removed 0 audit rows older than 365 days, 0 spent sign-in failures and 0 sessions over for 30 days. Erased the words of 4 typed replies older than 90 days.',
    );
  });
});

describe.each(testDrivers)('retention on %s', (driver) => {
  const t = blockDatabase(driver);
  const policy = retentionPolicy(parseEnv({}));
  beforeAll(async () => {
    const ana = await makeUser(t.db, { email: 'ana@example.com' });
    // More old rows than one batch deletes, so a pass that stopped after one batch would leave some.
    await t.db.insert(auditLog).values(Array.from({ length: RETENTION_BATCH + 5 }, (_, i) => ({ action: 'signin.failed', subject: `old${i}@example.com`, at: ago(400 * DAY) })));
    await t.db.insert(auditLog).values([
      { action: 'signin', subject: 'kept-364@example.com', at: ago(364 * DAY) },
      { action: 'signin', subject: 'kept-today@example.com', at: ago(MIN) },
    ]);
    await t.db.insert(signInFailures).values([
      { email: 'spent@example.com', ip: '192.0.2.1', at: ago(16 * MIN) },
      { email: 'counting@example.com', ip: '192.0.2.1', at: ago(14 * MIN) },
    ]);
    const session = (label: string, createdAt: Date, lastSeenAt: Date, endedAt: Date | null) => ({ userId: ana.id, createdAt, lastSeenAt, endedAt, endedReason: label });
    await t.db.insert(sessions).values([
      session('signed out 31 days ago', ago(32 * DAY), ago(31 * DAY), ago(31 * DAY)),
      session('signed out 29 days ago', ago(29 * DAY), ago(29 * DAY), ago(29 * DAY)),
      // Never signed out: over when it went idle (an hour after last use) or at twelve hours, whichever came first.
      session('idle since 31 days ago', ago(31 * DAY), ago(31 * DAY), null),
      session('reached its lifetime 30 days and 6 hours ago', ago(30 * DAY + 18 * HOUR), ago(30 * DAY + 7 * HOUR), null),
      session('reached its lifetime 29 days and 18 hours ago', ago(30 * DAY + 6 * HOUR), ago(29 * DAY + 19 * HOUR), null),
      session('in use', ago(HOUR), ago(MIN), null),
    ]);
  });

  it('deletes audit rows past the retention, spent sign-in failures and sessions over for 30 days, and keeps the rest', async () => {
    expect(await runRetention(t.db, policy, now)).toEqual({ auditRows: RETENTION_BATCH + 5, signInFailures: 1, sessions: 3, repliesErased: 0, statementsSent: 0 });
    expect((await t.db.select({ subject: auditLog.subject }).from(auditLog).orderBy(asc(auditLog.id))).map((r) => r.subject)).toEqual([
      'kept-364@example.com',
      'kept-today@example.com',
    ]);
    expect((await t.db.select({ email: signInFailures.email }).from(signInFailures)).map((r) => r.email)).toEqual(['counting@example.com']);
    expect((await t.db.select({ label: sessions.endedReason }).from(sessions)).map((r) => r.label).sort()).toEqual([
      'in use',
      'reached its lifetime 29 days and 18 hours ago',
      'signed out 29 days ago',
    ]);
  });

  it('finds nothing more on a second pass, and follows a shorter audit retention', async () => {
    expect(await runRetention(t.db, policy, now)).toEqual({ auditRows: 0, signInFailures: 0, sessions: 0, repliesErased: 0, statementsSent: 0 });
    expect(await runRetention(t.db, { ...policy, auditDays: 30 }, now)).toEqual({ auditRows: 1, signInFailures: 0, sessions: 0, repliesErased: 0, statementsSent: 0 });
    expect((await t.db.select({ subject: auditLog.subject }).from(auditLog)).map((r) => r.subject)).toEqual(['kept-today@example.com']);
  });
});

describe.each(testDrivers)('typed-reply retention on %s', (driver) => {
  const t = blockDatabase(driver);
  let oldAttempt: string;
  let newAttempt: string;
  const REPLY = 'I am so sorry, being charged twice is maddening. I will refund the second charge now.';

  /** Starts a practice of double-charge and types its first reply, made `daysAgo` days before `now`. */
  async function typedReply(userId: string, daysAgo: number) {
    const started = await startAttempt(t.db, userId, scenarioCatalogue().get('double-charge')!, 'practice');
    await decideAttempt(t.db, userId, started.attemptId, { seq: 0, reply: REPLY });
    await t.db.update(decisions).set({ createdAt: ago(daysAgo * DAY) }).where(eq(decisions.attemptId, started.attemptId));
    return started.attemptId;
  }
  const rowsOf = (attemptId: string) => t.db.select().from(decisions).where(eq(decisions.attemptId, attemptId)).orderBy(asc(decisions.seq));

  beforeAll(async () => {
    const ana = await makeUser(t.db, { email: 'ana@example.com' });
    oldAttempt = await typedReply(ana.id, 91);
    newAttempt = await typedReply(ana.id, 89);
  });

  it('keeps typed replies when no retention is set', async () => {
    expect(await runRetention(t.db, retentionPolicy(parseEnv({})), now)).toMatchObject({ repliesErased: 0, statementsSent: 0 });
    expect((await rowsOf(oldAttempt))[0]!.replyText).toBe(REPLY);
  });

  it('takes the words out of replies older than the limit, keeping their choice, scores and findings, and leaves newer ones', async () => {
    const before = (await rowsOf(oldAttempt))[0]!;
    expect(before.coach?.findings.some((f) => f.spans.length > 0)).toBe(true);
    const policy = retentionPolicy(parseEnv({ TYPED_REPLY_RETENTION_DAYS: '90' }));
    expect(await runRetention(t.db, policy, now)).toMatchObject({ repliesErased: 1 });

    const after = (await rowsOf(oldAttempt))[0]!;
    expect(after.replyText).toBe(ERASED_REPLY);
    expect(after.choiceId).toBe(before.choiceId);
    expect(after.scores).toEqual(before.scores);
    expect(after.coach?.findings.map((f) => f.detector)).toEqual(before.coach?.findings.map((f) => f.detector));
    expect(after.coach?.findings.every((f) => f.spans.length === 0)).toBe(true);
    expect((await rowsOf(newAttempt))[0]!.replyText).toBe(REPLY);

    // A second pass finds nothing: an erased reply is not erased again.
    expect(await runRetention(t.db, policy, now)).toMatchObject({ repliesErased: 0, statementsSent: 0 });
  });
});

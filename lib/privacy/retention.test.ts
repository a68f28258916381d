import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, signInFailures } from '@/db/schema';
import { createTestDatabase, makeUser, testDrivers, type TestDatabase } from '@/db/testing';
import { parseEnv } from '@/lib/env';
import { describeRemoved, RETENTION_BATCH, retentionPolicy, runRetention } from './retention';

const now = new Date('2030-06-01T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('the retention policy', () => {
  it('keeps audit rows a year unless AUDIT_RETENTION_DAYS says otherwise, and takes the sign-in and session limits from the environment', () => {
    expect(retentionPolicy(parseEnv({}))).toEqual({ auditDays: 365, signInWindowMinutes: 15, sessionIdleMinutes: 60, sessionMaxHours: 12 });
    expect(retentionPolicy(parseEnv({ AUDIT_RETENTION_DAYS: '90', SESSION_MAX_HOURS: '24' }))).toMatchObject({ auditDays: 90, sessionMaxHours: 24 });
  });

  it('says nothing when nothing went, and what went otherwise', () => {
    const policy = retentionPolicy(parseEnv({}));
    expect(describeRemoved({ auditRows: 0, signInFailures: 0, sessions: 0 }, policy)).toBeNull();
    expect(describeRemoved({ auditRows: 3, signInFailures: 1, sessions: 2 }, policy)).toBe(
      'Retention: removed 3 audit rows older than 365 days, 1 spent sign-in failures and 2 sessions over for 30 days.',
    );
  });
});

describe.each(testDrivers)('retention on %s', (driver) => {
  let t: TestDatabase;
  const policy = retentionPolicy(parseEnv({}));
  beforeAll(async () => {
    t = await createTestDatabase(driver);
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
  afterAll(() => t.dispose());

  it('deletes audit rows past the retention, spent sign-in failures and sessions over for 30 days, and keeps the rest', async () => {
    expect(await runRetention(t.db, policy, now)).toEqual({ auditRows: RETENTION_BATCH + 5, signInFailures: 1, sessions: 3 });
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
    expect(await runRetention(t.db, policy, now)).toEqual({ auditRows: 0, signInFailures: 0, sessions: 0 });
    expect(await runRetention(t.db, { ...policy, auditDays: 30 }, now)).toEqual({ auditRows: 1, signInFailures: 0, sessions: 0 });
    expect((await t.db.select({ subject: auditLog.subject }).from(auditLog)).map((r) => r.subject)).toEqual(['kept-today@example.com']);
  });
});

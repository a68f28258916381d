import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, signInFailures } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { checkSignInLimit, recordSignInFailure } from './rate-limit';
import { signInWithPassword } from './sign-in';
import { codeAt, confirmEnrolment, startEnrolment, twoStepKey as twoStepKeyFrom } from './two-step';

const twoStepKey = twoStepKeyFrom('a session secret of at least thirty-two characters');
const limit = { max: 10, windowMinutes: 15, twoStepKey };
const minutes = (n: number, from: Date) => new Date(from.getTime() + n * 60_000);

describe.each(testDrivers)('sign-in on %s', (driver) => {
  const t = blockDatabase(driver);
  beforeAll(async () => {
    await makeUser(t.db, { email: 'rep@example.com', password: 'correct horse' });
    await makeUser(t.db, { email: 'gone@example.com', password: 'correct horse', active: false });
  });

  it('accepts the right password whatever the email case, and returns the session version', async () => {
    const r = await signInWithPassword(t.db, { email: '  Rep@Example.COM ', password: 'correct horse', ip: '10.0.0.1' }, limit);
    expect(r).toMatchObject({ ok: true, user: { email: 'rep@example.com', role: 'learner', sessionVersion: 1 } });
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'signin'));
    expect(row).toMatchObject({ subject: 'rep@example.com', ip: '10.0.0.1', actorId: r.ok ? r.user.id : 'none' });
  });

  it('gives the same answer for a wrong password and an unknown email, and audits both', async () => {
    const wrong = await signInWithPassword(t.db, { email: 'rep@example.com', password: 'nope', ip: '10.0.0.2' }, limit);
    const unknown = await signInWithPassword(t.db, { email: 'who@example.com', password: 'nope', ip: '10.0.0.2' }, limit);
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, 'signin.failed'));
    expect(rows.map((r) => r.subject).sort()).toEqual(['rep@example.com', 'who@example.com']);
    expect(rows.every((r) => r.ip === '10.0.0.2')).toBe(true);
  });

  it('tells a deactivated user only after the right password', async () => {
    expect(await signInWithPassword(t.db, { email: 'gone@example.com', password: 'x', ip: '10.0.0.3' }, limit)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(
      await signInWithPassword(t.db, { email: 'gone@example.com', password: 'correct horse', ip: '10.0.0.3' }, limit),
    ).toEqual({ ok: false, reason: 'inactive' });
  });

  it('stops one address at ten guesses on an account, even with the right password, while the owner elsewhere still signs in', async () => {
    const now = new Date('2026-01-05T09:00:00Z');
    await makeUser(t.db, { email: 'target@example.com', password: 'right one' });
    for (let i = 0; i < 10; i++) {
      const r = await signInWithPassword(t.db, { email: 'target@example.com', password: `guess${i}`, ip: '10.1.0.66' }, limit, minutes(i, now));
      expect(r).toEqual({ ok: false, reason: 'invalid' });
    }
    const blocked = await signInWithPassword(t.db, { email: 'target@example.com', password: 'right one', ip: '10.1.0.66' }, limit, minutes(10, now));
    // The first failure (at 0 min) leaves the window at 15 min: five minutes from now.
    expect(blocked).toEqual({ ok: false, reason: 'limited', retryAfterSeconds: 300 });
    // The attacker's address cannot lock the real person out: from their own address they get in.
    const owner = await signInWithPassword(t.db, { email: 'target@example.com', password: 'right one', ip: '10.1.0.7' }, limit, minutes(11, now));
    expect(owner.ok).toBe(true);
    // Success forgives that email's failures.
    expect(await t.db.select().from(signInFailures).where(eq(signInFailures.email, 'target@example.com'))).toEqual([]);
  });

  it('locks an account guessed from many addresses at five times the limit, until the window passes', async () => {
    const small = { max: 2, windowMinutes: 15, twoStepKey };
    const now = new Date('2026-01-06T09:00:00Z');
    await makeUser(t.db, { email: 'spread@example.com', password: 'right one' });
    for (let i = 0; i < 10; i++) {
      const r = await signInWithPassword(t.db, { email: 'spread@example.com', password: `guess${i}`, ip: `10.2.0.${i}` }, small, minutes(i, now));
      expect(r).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signInWithPassword(t.db, { email: 'spread@example.com', password: 'right one', ip: '10.2.1.1' }, small, minutes(10, now))).toEqual({
      ok: false,
      reason: 'limited',
      retryAfterSeconds: 300,
    });
    expect((await signInWithPassword(t.db, { email: 'spread@example.com', password: 'right one', ip: '10.2.1.1' }, small, minutes(15.5, now))).ok).toBe(true);
  });

  it('writes one audit row per email, address and window for refused tries, however many there are', async () => {
    const small = { max: 2, windowMinutes: 15, twoStepKey };
    const now = new Date('2026-01-07T09:00:00Z');
    const ip = '10.3.0.9';
    for (let i = 0; i < 12; i++) await signInWithPassword(t.db, { email: 'noisy@example.com', password: `guess${i}`, ip }, small, minutes(i / 10, now));
    const rows = async () => (await t.db.select().from(auditLog).where(eq(auditLog.action, 'signin.limited'))).filter((r) => r.subject === 'noisy@example.com');
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]!.detail).toEqual({ by: 'pair' });
    // The next window gets its own row.
    await signInWithPassword(t.db, { email: 'noisy@example.com', password: 'x', ip }, small, minutes(20, now));
    await signInWithPassword(t.db, { email: 'noisy@example.com', password: 'y', ip }, small, minutes(20.1, now));
    await signInWithPassword(t.db, { email: 'noisy@example.com', password: 'z', ip }, small, minutes(20.2, now));
    expect(await rows()).toHaveLength(2);
  });

  it('lets no more than the limit of simultaneous guesses from one address reach the password check', async () => {
    await makeUser(t.db, { email: 'burst@example.com', password: 'right one' });
    const now = new Date('2026-02-01T09:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signInWithPassword(t.db, { email: 'burst@example.com', password: `guess${i}`, ip: '10.7.0.1' }, limit, now)),
    );
    const reasons = results.map((r) => (r.ok ? 'ok' : r.reason));
    expect(reasons.filter((r) => r === 'invalid')).toHaveLength(limit.max);
    expect(reasons.filter((r) => r === 'limited')).toHaveLength(20 - limit.max);
    const booked = await t.db.select().from(signInFailures).where(eq(signInFailures.email, 'burst@example.com'));
    expect(booked).toHaveLength(limit.max);
  });

  it('takes back the booking of a right password, so it never counts as a failure', async () => {
    await makeUser(t.db, { email: 'fine@example.com', password: 'right one' });
    const r = await signInWithPassword(t.db, { email: 'fine@example.com', password: 'right one', ip: '10.8.0.1' }, limit);
    expect(r.ok).toBe(true);
    expect(await t.db.select().from(signInFailures).where(eq(signInFailures.ip, '10.8.0.1'))).toEqual([]);
  });

  it('locks an address after three times the limit of failures across different emails', async () => {
    const now = new Date('2026-02-01T09:00:00Z');
    const ip = '192.0.2.50';
    for (let i = 0; i < 30; i++) {
      await signInWithPassword(t.db, { email: `spray${i}@example.com`, password: 'x', ip }, limit, now);
    }
    const r = await signInWithPassword(t.db, { email: 'rep@example.com', password: 'correct horse', ip }, limit, now);
    expect(r).toMatchObject({ ok: false, reason: 'limited' });
    const elsewhere = await signInWithPassword(t.db, { email: 'rep@example.com', password: 'correct horse', ip: '192.0.2.51' }, limit, now);
    expect(elsewhere.ok).toBe(true);
    const limited = await t.db.select().from(auditLog).where(eq(auditLog.action, 'signin.limited'));
    expect(limited.some((row) => row.ip === ip && (row.detail as { by: string }).by === 'ip')).toBe(true);
  });
});

describe.each(testDrivers)('rate limit counters on %s', (driver) => {
  const t = blockDatabase(driver);

  it('count only failures inside the window and prune expired ones', async () => {
    const key = { email: 'w@example.com', ip: '198.51.100.7' };
    const small = { max: 3, windowMinutes: 10, twoStepKey };
    const t0 = new Date('2026-03-01T08:00:00Z');
    await recordSignInFailure(t.db, key, small, t0);
    await recordSignInFailure(t.db, key, small, minutes(1, t0));
    expect(await checkSignInLimit(t.db, key, small, minutes(2, t0))).toEqual({ blocked: false });
    await recordSignInFailure(t.db, key, small, minutes(2, t0));
    expect(await checkSignInLimit(t.db, key, small, minutes(3, t0))).toEqual({ blocked: true, by: 'pair', retryAfterSeconds: 7 * 60 });
    expect(await checkSignInLimit(t.db, key, small, minutes(10.5, t0))).toEqual({ blocked: false });
    // A new failure after the window removes the rows that no longer count.
    await recordSignInFailure(t.db, key, small, minutes(30, t0));
    expect(await t.db.select().from(signInFailures).where(eq(signInFailures.email, key.email))).toHaveLength(1);
  });
  it('asks for the code after a right password when two-step sign-in is on, and signs in with a right one', async () => {
    const u = await makeUser(t.db, { email: 'two@example.com', password: 'correct horse' });
    const { key } = await startEnrolment(t.db, twoStepKey, u);
    const now = new Date();
    await confirmEnrolment(t.db, twoStepKey, u.id, codeAt(key, new Date(now.getTime() - 60_000)), new Date(now.getTime() - 60_000));
    const ip = '10.9.0.1';
    expect(await signInWithPassword(t.db, { email: 'two@example.com', password: 'nope', ip, code: codeAt(key, now) }, limit, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(await signInWithPassword(t.db, { email: 'two@example.com', password: 'correct horse', ip }, limit, now)).toEqual({ ok: false, reason: 'code-needed' });
    expect(await signInWithPassword(t.db, { email: 'two@example.com', password: 'correct horse', ip, code: '123456' }, limit, now)).toEqual({ ok: false, reason: 'code-invalid' });
    const ok = await signInWithPassword(t.db, { email: 'two@example.com', password: 'correct horse', ip, code: codeAt(key, now) }, limit, now);
    expect(ok.ok).toBe(true);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.subject, 'two@example.com'));
    expect(rows.map((r) => [r.action, r.detail])).toEqual([
      ['signin.failed', null],
      ['signin.failed', { secondFactor: true }],
      ['signin', { provider: 'credentials', secondFactor: 'code' }],
    ]);
    // The same code a second time, even with the right password, is refused.
    expect(await signInWithPassword(t.db, { email: 'two@example.com', password: 'correct horse', ip, code: codeAt(key, now) }, limit, now)).toEqual({ ok: false, reason: 'code-invalid' });
  });

  it('counts wrong codes as failures, so codes cannot be guessed faster than passwords', async () => {
    const u = await makeUser(t.db, { email: 'guess@example.com', password: 'correct horse' });
    const { key } = await startEnrolment(t.db, twoStepKey, u);
    const now = new Date();
    await confirmEnrolment(t.db, twoStepKey, u.id, codeAt(key, new Date(now.getTime() - 60_000)), new Date(now.getTime() - 60_000));
    const small = { max: 3, windowMinutes: 15, twoStepKey };
    for (const code of ['111111', '222222', '333333']) {
      expect((await signInWithPassword(t.db, { email: 'guess@example.com', password: 'correct horse', ip: '10.9.1.1', code }, small, now)).ok).toBe(false);
    }
    const fourth = await signInWithPassword(t.db, { email: 'guess@example.com', password: 'correct horse', ip: '10.9.1.1', code: codeAt(key, now) }, small, now);
    expect(fourth).toMatchObject({ ok: false, reason: 'limited' });
  });
});

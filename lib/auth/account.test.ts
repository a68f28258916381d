// A person's own password change and the steps asked of them first, against a real database.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { accountOverview, changeOwnPassword, confirmOwnPassword } from './account';
import { pendingStep, resolveSession } from './access';
import { verifyPassword } from './password';
import { createSession } from './sessions';

const limit = { max: 3, windowMinutes: 15 };
const policy = { idleMinutes: 60, maxHours: 12 };

describe.each(testDrivers)('own account on %s', (driver) => {
  const t = blockDatabase(driver);

  it('changes the password after the current one, clears the first-password flag, and ends every other session', async () => {
    const u = await makeUser(t.db, { email: 'noor@example.com', name: 'Noor Haddad', password: 'given by the admin 1' });
    await t.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, u.id));
    const here = await createSession(t.db, u.id);
    const phone = await createSession(t.db, u.id);
    const stolen = await createSession(t.db, u.id);
    const who = { id: u.id, email: u.email, ip: '10.3.0.1', sessionId: here };

    expect((await resolveSession(t.db, { uid: u.id, sv: 1, sid: here }, policy))).toMatchObject({ user: { pending: 'password' } });
    await expect(changeOwnPassword(t.db, who, { current: 'wrong', next: 'saffron kettle meadow' }, limit)).rejects.toMatchObject({ status: 403 });
    await expect(changeOwnPassword(t.db, who, { current: 'given by the admin 1', next: 'noorhaddad1' }, limit)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/own name or email/),
    });
    await expect(changeOwnPassword(t.db, who, { current: 'given by the admin 1', next: 'given by the admin 1' }, limit)).rejects.toThrow('must differ');

    expect(await changeOwnPassword(t.db, who, { current: 'given by the admin 1', next: 'saffron kettle meadow' }, limit)).toEqual({ otherSessionsEnded: 2 });
    const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.mustChangePassword).toBe(false);
    expect(await verifyPassword(row!.passwordHash, 'saffron kettle meadow')).toBe(true);
    expect(row!.sessionVersion).toBe(1);
    const check = await resolveSession(t.db, { uid: u.id, sv: 1, sid: here }, policy);
    expect(check).toMatchObject({ user: { id: u.id } });
    expect('user' in check && check.user.pending).toBeUndefined();
    for (const sid of [phone, stolen]) expect(await resolveSession(t.db, { uid: u.id, sv: 1, sid }, policy)).toEqual({ revoked: 'ended' });
    const ended = await t.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(ended.filter((s) => s.endedReason === 'password changed')).toHaveLength(2);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.subject, 'noor@example.com'));
    expect(audited.map((a) => [a.action, a.detail])).toEqual([
      ['signin.failed', { reauthentication: true }],
      ['user.password_changed', { otherSessionsEnded: 2 }],
    ]);
  });

  it('tells the account page whether there is a password to change and how two-step sign-in stands', async () => {
    const withPassword = await makeUser(t.db, { email: 'kim@example.com', password: 'kim has a passphrase' });
    const ssoOnly = await makeUser(t.db, { email: 'sso-kim@example.com' });
    expect(await accountOverview(t.db, withPassword.id)).toEqual({ hasPassword: true, twoStep: { enabled: false, recoveryCodesLeft: 0 } });
    expect(await accountOverview(t.db, ssoOnly.id)).toMatchObject({ hasPassword: false });
  });

  it('limits guesses at the current password like sign-in does, and has nothing to check for single-sign-on accounts', async () => {
    const u = await makeUser(t.db, { email: 'pat@example.com', password: 'the right one here' });
    const who = { id: u.id, email: u.email, ip: '10.3.0.2' };
    for (let i = 0; i < 3; i++) await expect(confirmOwnPassword(t.db, who, `guess ${i}`, limit)).rejects.toMatchObject({ status: 403 });
    await expect(confirmOwnPassword(t.db, who, 'the right one here', limit)).rejects.toMatchObject({ status: 429 });
    const sso = await makeUser(t.db, { email: 'sso-only@example.com' });
    await expect(confirmOwnPassword(t.db, { id: sso.id, email: sso.email, ip: '10.3.0.3' }, 'anything', limit)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/single sign-on/),
    });
  });

  it('asks admins with a password for two-step sign-in, but not the demo admin, single-sign-on admins, or when it is optional', () => {
    const admin = { email: 'it.lead@company.example', role: 'admin' as const, mustChangePassword: false, passwordHash: 'h', totpEnabledAt: null };
    expect(pendingStep(admin, 'required')).toBe('two-step');
    expect(pendingStep({ ...admin, totpEnabledAt: new Date() }, 'required')).toBeUndefined();
    expect(pendingStep(admin, 'optional')).toBeUndefined();
    expect(pendingStep({ ...admin, passwordHash: null }, 'required')).toBeUndefined();
    expect(pendingStep({ ...admin, email: 'admin@example.com' }, 'required')).toBeUndefined();
    expect(pendingStep({ ...admin, role: 'manager' }, 'required')).toBeUndefined();
    // The password comes first: two-step codes guard a password the person chose.
    expect(pendingStep({ ...admin, mustChangePassword: true }, 'required')).toBe('password');
  });
});

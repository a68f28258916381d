import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, teamManagers, teamMembers, teams } from '@/db/schema';
import { createTestDatabase, makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { updateAccount, UserChangeError } from '@/lib/auth/users';
import { AccessError, assertManagesLearner, assertManagesTeam, assertRole, managesLearner, resolveSession, type SessionUser } from './access';
import { createSession, endSession, endUserSessions } from './sessions';

describe.each(testDrivers)('sessions and access on %s', (driver) => {
  const t = blockDatabase(driver);
  let admin: SessionUser;
  let manager: SessionUser;
  let otherManager: SessionUser;
  let learner: { id: string; sessionVersion: number };
  let outsider: { id: string };

  beforeAll(async () => {
    admin = await makeUser(t.db, { email: 'admin@example.com', role: 'admin' });
    manager = await makeUser(t.db, { email: 'm@example.com', role: 'manager' });
    otherManager = await makeUser(t.db, { email: 'm2@example.com', role: 'manager' });
    learner = await makeUser(t.db, { email: 'l@example.com' });
    outsider = await makeUser(t.db, { email: 'o@example.com' });
    const [a, b] = await t.db.insert(teams).values([{ name: 'A' }, { name: 'B' }]).returning();
    await t.db.insert(teamManagers).values([{ teamId: a!.id, userId: manager.id }, { teamId: b!.id, userId: otherManager.id }]);
    await t.db.insert(teamMembers).values([{ teamId: a!.id, userId: learner.id }, { teamId: b!.id, userId: outsider.id }]);
  });

  const claimsFor = async (u: { id: string; sessionVersion?: number }) => ({ uid: u.id, sv: u.sessionVersion ?? 1, sid: await createSession(t.db, u.id) });

  it('answers another manager’s team as not found, and keeps a record of who asked', async () => {
    const [b] = await t.db.select().from(teams).where(eq(teams.name, 'B'));
    await expect(assertManagesTeam(t.db, manager, b!.id)).rejects.toMatchObject({ status: 404 });
    await expect(assertManagesTeam(t.db, manager, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
    await expect(assertManagesTeam(t.db, otherManager, b!.id)).resolves.toEqual({ id: b!.id, name: b!.name });
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, 'access.not_found'));
    expect(rows.map((r) => [r.actorId, r.subject])).toEqual([[manager.id, `team ${b!.id}`]]);
  });

  it('accepts a token whose version matches the user and whose session is live', async () => {
    const claims = await claimsFor(learner);
    expect(await resolveSession(t.db, claims)).toEqual({
      user: { id: learner.id, email: 'l@example.com', name: 'l', role: 'learner' },
      sid: claims.sid,
    });
  });

  it('ends a session at sign-out, after the idle timeout and at the absolute lifetime, on every instance alike', async () => {
    const policy = { idleMinutes: 60, maxHours: 12 };
    const t0 = new Date();
    const claims = await claimsFor(learner);
    const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    // Used every 50 minutes, it stays live for the whole working day, its last-seen time moving on.
    for (let m = 50; m < 12 * 60; m += 50) expect(await resolveSession(t.db, claims, policy, later(m))).toMatchObject({ user: { id: learner.id } });
    expect(await resolveSession(t.db, claims, policy, later(12 * 60 + 5))).toEqual({ revoked: 'expired' });
    const quiet = await claimsFor(learner);
    expect(await resolveSession(t.db, quiet, policy, later(61))).toEqual({ revoked: 'idle' });
    const out = await claimsFor(learner);
    await endSession(t.db, out.sid, 'signed out');
    expect(await resolveSession(t.db, out, policy)).toEqual({ revoked: 'ended' });
    // A token naming no session, or another person's, is refused.
    expect(await resolveSession(t.db, { ...out, sid: '' }, policy)).toEqual({ revoked: 'ended' });
    expect(await resolveSession(t.db, { ...(await claimsFor(outsider)), uid: learner.id, sv: learner.sessionVersion }, policy)).toEqual({ revoked: 'ended' });
  });

  it('ends all of a person’s other sessions at once, keeping the one that asked', async () => {
    const keep = await claimsFor(outsider);
    const other = await claimsFor(outsider);
    expect(await endUserSessions(t.db, outsider.id, 'password changed', keep.sid)).toBeGreaterThanOrEqual(1);
    expect(await resolveSession(t.db, other)).toEqual({ revoked: 'ended' });
    expect(await resolveSession(t.db, keep)).toMatchObject({ user: { id: outsider.id } });
  });

  it('ends sessions on deactivation, and keeps old tokens dead after reactivation', async () => {
    const u = await makeUser(t.db, { email: 'deact@example.com' });
    const token = await claimsFor(u);
    await updateAccount(t.db, admin.id, u.id, { active: false });
    expect(await resolveSession(t.db, token)).toEqual({ revoked: 'inactive' });
    const back = await updateAccount(t.db, admin.id, u.id, { active: true });
    expect(await resolveSession(t.db, token)).toEqual({ revoked: 'version' });
    expect(await resolveSession(t.db, { ...token, sv: back.sessionVersion })).toMatchObject({ user: { id: u.id } });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.subject, 'deact@example.com'));
    expect(audits.map((a) => a.action)).toEqual(['user.deactivated', 'user.reactivated']);
  });

  it('ends sessions on a role change, so the new role applies at the next request', async () => {
    const u = await makeUser(t.db, { email: 'promote@example.com' });
    const token = await claimsFor(u);
    const changed = await updateAccount(t.db, admin.id, u.id, { role: 'manager' });
    expect(await resolveSession(t.db, token)).toEqual({ revoked: 'version' });
    expect(await resolveSession(t.db, { ...token, sv: changed.sessionVersion })).toMatchObject({ user: { role: 'manager' } });
  });

  it('applies a role and an activation change in one write with one version bump', async () => {
    const u = await makeUser(t.db, { email: 'both@example.com', active: false });
    const changed = await updateAccount(t.db, admin.id, u.id, { role: 'admin', active: true });
    expect(changed).toMatchObject({ role: 'admin', active: true, sessionVersion: u.sessionVersion + 1 });
  });

  it('treats an unknown or malformed user id as revoked', async () => {
    expect(await resolveSession(t.db, { uid: '00000000-0000-4000-8000-000000000000', sv: 1, sid: '' })).toEqual({ revoked: 'missing' });
    expect(await resolveSession(t.db, { uid: "1' or '1'='1", sv: 1, sid: '' })).toEqual({ revoked: 'missing' });
  });

  it('refuses to let an admin lock themselves out', async () => {
    await expect(updateAccount(t.db, admin.id, admin.id, { active: false })).rejects.toThrow(UserChangeError);
    await expect(updateAccount(t.db, admin.id, admin.id, { role: 'learner' })).rejects.toThrow('your own role');
    await expect(updateAccount(t.db, admin.id, '00000000-0000-4000-8000-000000000000', { role: 'learner' })).rejects.toThrow('No such user');
    await expect(updateAccount(t.db, admin.id, learner.id, {})).rejects.toThrow('Nothing to change.');
    await expect(updateAccount(t.db, admin.id, 'not-a-uuid', { active: false })).rejects.toMatchObject({ status: 404 });
  });

  it('checks roles with a readable refusal', () => {
    const l = { id: learner.id, email: 'l@example.com', name: 'l', role: 'learner' as const };
    expect(() => assertRole(l, ['manager', 'admin'])).toThrow(new AccessError(403, 'This needs the manager or admin role; you are signed in as a learner.'));
    expect(assertRole(manager, ['manager'])).toBe(manager);
  });

  it('lets a manager see only learners on their own teams; admins see all', async () => {
    expect(await managesLearner(t.db, manager, learner.id)).toBe(true);
    expect(await managesLearner(t.db, manager, outsider.id)).toBe(false);
    expect(await managesLearner(t.db, otherManager, learner.id)).toBe(false);
    expect(await managesLearner(t.db, admin, outsider.id)).toBe(true);
    const asLearner = { id: outsider.id, email: 'o@example.com', name: 'o', role: 'learner' as const };
    expect(await managesLearner(t.db, asLearner, learner.id)).toBe(false);
    await expect(assertManagesLearner(t.db, manager, outsider.id)).rejects.toMatchObject({ status: 403 });
    await expect(assertManagesLearner(t.db, manager, learner.id)).resolves.toBeUndefined();
  });
});

describe.each(testDrivers)('adding accounts on %s', (driver) => {
  it('normalises the email, refuses duplicates and short passwords, and allows SSO-only accounts', async () => {
    const { createUser } = await import('@/lib/auth/users');
    const { verifyPassword } = await import('./password');
    const t = await createTestDatabase(driver);
    try {
      const u = await createUser(t.db, { email: ' New.Admin@Example.com ', name: ' Nia ', role: 'admin', password: 'long enough pw' });
      expect(u).toMatchObject({ email: 'new.admin@example.com', name: 'Nia', role: 'admin', active: true });
      expect(await verifyPassword(u.passwordHash, 'long enough pw')).toBe(true);
      await expect(createUser(t.db, { email: 'new.admin@example.com', name: 'X', role: 'learner', password: null })).rejects.toThrow(
        'There is already an account for new.admin@example.com.',
      );
      await expect(createUser(t.db, { email: 'a@b.co', name: 'X', role: 'learner', password: 'short' })).rejects.toThrow('at least 8');
      await expect(createUser(t.db, { email: 'not-an-email', name: 'X', role: 'learner', password: null })).rejects.toThrow('not an email');
      const sso = await createUser(t.db, { email: 'sso@example.com', name: 'S', role: 'learner', password: null });
      expect(sso.passwordHash).toBeNull();
    } finally {
      await t.dispose();
    }
  });
});

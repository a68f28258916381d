import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { auditLog, sessions, teamManagers, teamMembers, teams, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { createSession } from '@/lib/auth/sessions';
import { codeAt, confirmEnrolment, startEnrolment, twoStepKey, twoStepStatus } from '@/lib/auth/two-step';
import { createPerson, editPerson, listPeople, personDetail, PEOPLE_PAGE_SIZE, resetTwoStep } from './users';

describe.each(testDrivers)('admin accounts on %s', (driver) => {
  const t = blockDatabase(driver);
  let admin: { id: string };
  let teamId: string;
  beforeAll(async () => {
    admin = await makeUser(t.db, { email: 'admin@example.com', name: 'Alex Admin', role: 'admin' });
    teamId = (await t.db.insert(teams).values({ name: 'Harbour' }).returning())[0]!.id;
  });

  const actions = async (subject: string) =>
    (await t.db.select().from(auditLog).where(eq(auditLog.subject, subject)).orderBy(asc(auditLog.id))).map((a) => [a.action, a.detail]);

  it('creates a single-sign-on learner in a team, and a manager who manages it, each audited', async () => {
    const learner = await createPerson(t.db, admin.id, { email: ' Ana@Example.com ', name: ' Ana Ruiz ', role: 'learner', password: null, teamId });
    expect(learner).toMatchObject({ email: 'ana@example.com', name: 'Ana Ruiz', passwordHash: null });
    expect(await actions('ana@example.com')).toEqual([
      ['user.created', { role: 'learner', signIn: 'sso' }],
      ['team.member_added', { team: 'Harbour' }],
    ]);
    const manager = await createPerson(t.db, admin.id, { email: 'bo@example.com', name: 'Bo Li', role: 'manager', password: 'ferry lantern quartz', teamId });
    expect(await verifyPassword(manager.passwordHash, 'ferry lantern quartz')).toBe(true);
    // An admin-chosen password is only a way in: Bo chooses his own at first sign-in; Ana has none to change.
    expect(manager.mustChangePassword).toBe(true);
    expect(learner.mustChangePassword).toBe(false);
    expect(await t.db.select().from(teamManagers).where(eq(teamManagers.userId, manager.id))).toHaveLength(1);
    expect(await t.db.select().from(teamMembers).where(eq(teamMembers.userId, manager.id))).toHaveLength(0);
  });

  it('refuses duplicates, bad emails, short passwords and unknown teams, leaving no account behind', async () => {
    await expect(createPerson(t.db, admin.id, { email: 'ANA@example.com', name: 'Ana', role: 'learner', password: null })).rejects.toMatchObject({
      status: 400,
      message: 'There is already an account for ana@example.com.',
    });
    await expect(createPerson(t.db, admin.id, { email: 'ana@', name: 'Ana', role: 'learner', password: null })).rejects.toThrow('"ana@" is not an email address.');
    await expect(createPerson(t.db, admin.id, { email: 'c@example.com', name: ' ', role: 'learner', password: null })).rejects.toThrow('A name is required.');
    await expect(createPerson(t.db, admin.id, { email: 'c@example.com', name: 'C', role: 'learner', password: 'short' })).rejects.toThrow(/at least 8/);
    await expect(createPerson(t.db, admin.id, { email: 'c@example.com', name: 'C', role: 'learner', password: 'Password123!' })).rejects.toThrow(/Try a passphrase/);
    await expect(createPerson(t.db, admin.id, { email: 'cleo.marsh@example.com', name: 'Cleo Marsh', role: 'learner', password: 'cleomarsh2026' })).rejects.toThrow(/Try a passphrase/);
    await expect(
      createPerson(t.db, admin.id, { email: 'c@example.com', name: 'C', role: 'learner', password: null, teamId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ status: 404, message: 'No such team.' });
    expect(await t.db.select().from(users).where(eq(users.email, 'c@example.com'))).toEqual([]);
  });

  it('edits name and email, audits what changed, and refuses an email someone else has', async () => {
    const ana = (await personDetail(t.db, (await t.db.select().from(users).where(eq(users.email, 'ana@example.com')))[0]!.id))!;
    const edited = await editPerson(t.db, admin.id, ana.id, { name: 'Ana María Ruiz', email: 'ana.ruiz@example.com' });
    expect(edited).toMatchObject({ name: 'Ana María Ruiz', email: 'ana.ruiz@example.com', sessionVersion: 1 });
    expect(await actions('ana.ruiz@example.com')).toEqual([['user.updated', { changed: ['name', 'email'], previousEmail: 'ana@example.com' }]]);
    await expect(editPerson(t.db, admin.id, ana.id, { email: 'BO@example.com' })).rejects.toMatchObject({
      status: 400,
      message: 'There is already an account for bo@example.com.',
    });
    await expect(editPerson(t.db, admin.id, ana.id, {})).rejects.toThrow('Nothing to change.');
    await expect(editPerson(t.db, admin.id, 'nope', { name: 'X' })).rejects.toMatchObject({ status: 404 });
  });

  it('setting a password ends the person’s sessions; deactivating keeps their records and ends them too', async () => {
    const ana = (await t.db.select().from(users).where(eq(users.email, 'ana.ruiz@example.com')))[0]!;
    await expect(editPerson(t.db, admin.id, ana.id, { password: 'anaruiz1' })).rejects.toThrow(/Try a passphrase/);
    const withPassword = await editPerson(t.db, admin.id, ana.id, { password: 'velvet compass harbour' });
    expect(withPassword.sessionVersion).toBe(ana.sessionVersion + 1);
    expect(withPassword.mustChangePassword).toBe(true);
    expect(await verifyPassword(withPassword.passwordHash, 'velvet compass harbour')).toBe(true);
    const off = await editPerson(t.db, admin.id, ana.id, { active: false });
    expect(off).toMatchObject({ active: false, sessionVersion: ana.sessionVersion + 2 });
    expect(await t.db.select().from(teamMembers).where(eq(teamMembers.userId, ana.id))).toHaveLength(1);
    expect((await actions('ana.ruiz@example.com')).map(([a]) => a)).toEqual(['user.updated', 'user.updated', 'user.deactivated']);
    await expect(editPerson(t.db, admin.id, admin.id, { active: false })).rejects.toThrow('You cannot deactivate your own account.');
  });

  it('never changes an admin’s own password or email without their current password: that is the account page’s job', async () => {
    const [before] = await t.db.select().from(users).where(eq(users.id, admin.id));
    await expect(editPerson(t.db, admin.id, admin.id, { password: 'velvet compass harbour' })).rejects.toMatchObject({
      status: 400,
      message: 'Change your own password on your account page, where your current one is asked for.',
    });
    await expect(editPerson(t.db, admin.id, admin.id, { email: 'taken-over@example.com' })).rejects.toMatchObject({
      status: 400,
      message: 'Another admin has to change your email.',
    });
    const [after] = await t.db.select().from(users).where(eq(users.id, admin.id));
    expect(after).toEqual(before);
    // Their own name is not a sign-in detail.
    expect((await editPerson(t.db, admin.id, admin.id, { name: 'Ada Admin' })).name).toBe('Ada Admin');
  });

  it('lists people a page at a time, filtered by name or email, role, team and status, with their teams', async () => {
    await t.db.insert(users).values(Array.from({ length: 60 }, (_, i) => ({ email: `p${i}@example.com`, name: `Person ${String(i).padStart(2, '0')}` })));
    const first = await listPeople(t.db, {});
    expect(first.total).toBe(63);
    expect(first.pages).toBe(2);
    expect(first.people).toHaveLength(PEOPLE_PAGE_SIZE);
    expect(first.people[0]!.email).toBe('admin@example.com');
    expect((await listPeople(t.db, { page: 9 })).page).toBe(2);
    expect((await listPeople(t.db, { q: 'RUIZ' })).people.map((p) => p.email)).toEqual(['ana.ruiz@example.com']);
    expect((await listPeople(t.db, { q: '100%' })).total).toBe(0);
    expect((await listPeople(t.db, { role: 'manager' })).people.map((p) => p.email)).toEqual(['bo@example.com']);
    expect((await listPeople(t.db, { status: 'inactive' })).people.map((p) => p.email)).toEqual(['ana.ruiz@example.com']);
    const team = await listPeople(t.db, { teamId });
    expect(team.people.map((p) => [p.email, p.teams.map((x) => x.name), p.manages.map((x) => x.name), p.passwordSet])).toEqual([
      ['bo@example.com', [], ['Harbour'], true],
      ['ana.ruiz@example.com', ['Harbour'], [], true],
    ]);
    expect((await listPeople(t.db, { teamId: 'not-a-uuid' })).total).toBe(0);
  });
  it('turns off a person’s two-step sign-in for a lost phone, ending their sessions, but never the admin’s own', async () => {
    const key = twoStepKey('a session secret of at least thirty-two characters');
    const kim = await makeUser(t.db, { email: 'kim@example.com', password: 'x' });
    const { key: secret } = await startEnrolment(t.db, key, kim);
    await confirmEnrolment(t.db, key, kim.id, codeAt(secret, new Date()));
    const session = await createSession(t.db, kim.id);
    expect((await personDetail(t.db, kim.id))!.twoStepOn).toBe(true);
    await expect(resetTwoStep(t.db, kim.id, kim.id)).rejects.toThrow('on your account page');
    await resetTwoStep(t.db, admin.id, kim.id);
    expect(await twoStepStatus(t.db, kim.id)).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    expect((await personDetail(t.db, kim.id))!.twoStepOn).toBe(false);
    expect((await t.db.select().from(sessions).where(eq(sessions.id, session)))[0]!.endedReason).toBe('ended by an admin');
    expect(await actions('kim@example.com')).toEqual([['user.two_step_reset', { sessionsEnded: 1 }]]);
    await expect(resetTwoStep(t.db, admin.id, kim.id)).rejects.toThrow('already off');
    await expect(resetTwoStep(t.db, admin.id, 'nope')).rejects.toMatchObject({ status: 404 });
  });
});

import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { auditLog, checkupPlans, teams } from '@/db/schema';
import { addManager, addMember, createTeam, deleteTeam, listTeams, removeFromTeam, renameTeam, teamDetail } from './teams';

describe.each(testDrivers)('admin teams on %s', (driver) => {
  const t = blockDatabase(driver);
  let admin: { id: string };
  let learner: { id: string };
  let manager: { id: string };
  let team: { id: string; name: string };
  beforeAll(async () => {
    admin = await makeUser(t.db, { email: 'admin@example.com', role: 'admin' });
    learner = await makeUser(t.db, { email: 'priya@example.com', name: 'Priya Raman' });
    manager = await makeUser(t.db, { email: 'jordan@example.com', name: 'Jordan Lee', role: 'manager' });
  });

  const log = async () =>
    (await t.db.select().from(auditLog).orderBy(asc(auditLog.id))).map((a) => `${a.action} ${a.subject}${a.detail ? ` ${JSON.stringify(a.detail)}` : ''}`);

  it('creates a team with a tidy name and refuses a second one differing only in case or spacing', async () => {
    team = await createTeam(t.db, admin.id, '  Harbour   Street ');
    expect(team.name).toBe('Harbour Street');
    await expect(createTeam(t.db, admin.id, 'harbour street')).rejects.toMatchObject({ status: 400, message: 'There is already a team called "Harbour Street".' });
    await expect(createTeam(t.db, admin.id, '   ')).rejects.toThrow('A team needs a name.');
    expect(await log()).toEqual(['team.created Harbour Street']);
  });

  it('renames a team and audits the old and new names', async () => {
    await createTeam(t.db, admin.id, 'Northgate');
    await expect(renameTeam(t.db, admin.id, team.id, 'NORTHGATE')).rejects.toThrow('There is already a team called "Northgate".');
    team = await renameTeam(t.db, admin.id, team.id, 'Harbour Street Support');
    expect((await log()).at(-1)).toBe('team.renamed Harbour Street Support {"to":"Harbour Street Support","from":"Harbour Street"}');
    await expect(renameTeam(t.db, admin.id, 'nope', 'X')).rejects.toMatchObject({ status: 404 });
  });

  it('adds members and managers by email; a learner cannot be made a manager', async () => {
    await addMember(t.db, admin.id, team.id, 'PRIYA@example.com');
    await expect(addMember(t.db, admin.id, team.id, 'priya@example.com')).rejects.toThrow('Priya Raman is already a member of Harbour Street Support.');
    await expect(addMember(t.db, admin.id, team.id, 'nobody@example.com')).rejects.toMatchObject({ status: 404, message: 'No account has the email nobody@example.com.' });
    await expect(addManager(t.db, admin.id, team.id, 'priya@example.com')).rejects.toThrow(/Priya Raman is a learner\. Change their role to manager first/);
    await addManager(t.db, admin.id, team.id, 'jordan@example.com');
    const detail = await teamDetail(t.db, team.id);
    expect(detail?.members.map((m) => m.email)).toEqual(['priya@example.com']);
    expect(detail?.managers.map((m) => m.email)).toEqual(['jordan@example.com']);
    // Suggestions for the add forms: active people not yet in the team either way.
    expect(detail?.suggestions.map((p) => p.email)).toEqual(['admin@example.com']);
    expect((await listTeams(t.db)).map((x) => [x.name, x.memberCount, x.managers.map((m) => m.name)])).toEqual([
      ['Harbour Street Support', 1, ['Jordan Lee']],
      ['Northgate', 0, []],
    ]);
    expect((await log()).slice(-2)).toEqual([
      'team.member_added priya@example.com {"team":"Harbour Street Support"}',
      'team.manager_added jordan@example.com {"team":"Harbour Street Support"}',
    ]);
  });

  it('will not delete a team that still has people or check-up plans', async () => {
    await expect(deleteTeam(t.db, admin.id, team.id)).rejects.toThrow('"Harbour Street Support" still has members or managers; remove them first.');
    await removeFromTeam(t.db, admin.id, team.id, learner.id, 'member');
    await removeFromTeam(t.db, admin.id, team.id, manager.id, 'manager');
    await expect(removeFromTeam(t.db, admin.id, team.id, learner.id, 'member')).rejects.toMatchObject({ status: 404 });
    await t.db.insert(checkupPlans).values({ teamId: team.id, name: 'Quarterly' });
    await expect(deleteTeam(t.db, admin.id, team.id)).rejects.toThrow(/has check-up plans/);
    const [northgate] = await t.db.select().from(teams).where(eq(teams.name, 'Northgate'));
    await deleteTeam(t.db, admin.id, northgate!.id);
    expect((await listTeams(t.db)).map((x) => x.name)).toEqual(['Harbour Street Support']);
    expect((await log()).slice(-3)).toEqual([
      'team.member_removed priya@example.com {"team":"Harbour Street Support"}',
      'team.manager_removed jordan@example.com {"team":"Harbour Street Support"}',
      'team.deleted Northgate',
    ]);
  });
});

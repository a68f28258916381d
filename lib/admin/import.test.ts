import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { auditLog, teamManagers, teamMembers, teams, users } from '@/db/schema';
import { importUsers } from './import';
import { ImportFileError } from './users-csv';

describe.each(testDrivers)('importing users on %s', (driver) => {
  const t = blockDatabase(driver);
  let admin: { id: string };
  let harbourId: string;
  beforeAll(async () => {
    admin = await makeUser(t.db, { email: 'admin@example.com', role: 'admin' });
    await makeUser(t.db, { email: 'known@example.com', name: 'Known Person' });
    await makeUser(t.db, { email: 'gone@example.com', name: 'Gone Person', role: 'manager', active: false });
    harbourId = (await t.db.insert(teams).values({ name: 'Harbour Street Support' }).returning())[0]!.id;
  });

  const csv = [
    'email,name,role,team',
    'new1@example.com,New One,,harbour street support',
    'new2@example.com,New Two,manager,Harbour Street Support',
    'known@example.com,Known Person,manager,Harbour Street Support',
    'gone@example.com,Gone Person,manager,',
    'bad-email,Bad,,',
    'new3@example.com,New Three,,Nowhere Team',
    'new1@example.com,Again,,',
  ].join('\n');

  it('a dry run reports exactly what an import would do and keeps nothing', async () => {
    const before = await t.db.select().from(auditLog);
    const result = await importUsers(t.db, admin.id, csv, { createTeams: false, dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.counts).toEqual({ created: 2, skipped: 2, rejected: 3 });
    expect(await t.db.select().from(users).where(eq(users.email, 'new1@example.com'))).toEqual([]);
    expect(await t.db.select().from(auditLog)).toEqual(before);
  });

  it('creates new people, skips existing ones, rejects bad rows, each with its row and reason', async () => {
    const result = await importUsers(t.db, admin.id, csv, { createTeams: false, dryRun: false });
    // Each row of the file: what became of it, and the reason the admin reads beside it.
    const outcomes = [
      [2, 'new1@example.com', 'created', 'New learner, signs in with single sign-on; a member of Harbour Street Support.'],
      [3, 'new2@example.com', 'created', 'New manager, signs in with single sign-on; a manager of Harbour Street Support.'],
      [4, 'known@example.com', 'skipped', 'Already has an account; is a learner, role not changed. Added as a member of Harbour Street Support.'],
      [5, 'gone@example.com', 'skipped', 'Already has an account; deactivated.'],
      [6, 'bad-email', 'rejected', '"bad-email" is not an email address.'],
      [7, 'new3@example.com', 'rejected', 'There is no team called "Nowhere Team". Create it first, fix the spelling, or choose to create missing teams.'],
      [8, 'new1@example.com', 'rejected', 'The same email as row 2; only the first is used.'],
    ] as const;
    expect(result.rows).toEqual(outcomes.map(([row, email, outcome, reason]) => ({ row, email, outcome, reason })));
    expect(result.counts).toEqual({ created: 2, skipped: 2, rejected: 3 });

    const created = await t.db.select().from(users).where(eq(users.email, 'new1@example.com'));
    expect(created).toMatchObject([{ name: 'New One', role: 'learner', passwordHash: null, active: true }]);
    expect(await t.db.select().from(users).where(eq(users.email, 'new3@example.com'))).toEqual([]);
    const members = await t.db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, harbourId));
    expect(members).toHaveLength(2);
    const managers = await t.db.select({ userId: teamManagers.userId }).from(teamManagers).where(eq(teamManagers.teamId, harbourId));
    expect(managers).toHaveLength(1);

    const log = await t.db.select({ action: auditLog.action, subject: auditLog.subject, detail: auditLog.detail }).from(auditLog).orderBy(asc(auditLog.id));
    expect(log.map((l) => `${l.action} ${l.subject}`)).toEqual([
      'user.created new1@example.com',
      'user.created new2@example.com',
      'team.member_added new1@example.com',
      'team.manager_added new2@example.com',
      'team.member_added known@example.com',
      'users.imported 7 rows',
    ]);
    expect(log.at(-1)!.detail).toEqual({ created: 2, skipped: 2, rejected: 3, teamsCreated: [] });
  });

  it('running the same file again creates nothing and says everyone is already placed', async () => {
    const again = await importUsers(t.db, admin.id, csv, { createTeams: false, dryRun: false });
    expect(again.counts).toEqual({ created: 0, skipped: 4, rejected: 3 });
    expect(again.rows.find((r) => r.row === 2)?.reason).toBe('Already has an account. Already a member of Harbour Street Support.');
  });

  it('creates missing teams when asked, once however many rows name them', async () => {
    const result = await importUsers(
      t.db,
      admin.id,
      'email,name,team\nn4@example.com,N Four,Night Shift\nn5@example.com,N Five,night  shift\n',
      { createTeams: true, dryRun: false },
    );
    expect(result.teamsCreated).toEqual(['Night Shift']);
    expect(result.counts).toEqual({ created: 2, skipped: 0, rejected: 0 });
    const [night] = await t.db.select().from(teams).where(eq(teams.name, 'Night Shift'));
    expect(await t.db.select().from(teamMembers).where(eq(teamMembers.teamId, night!.id))).toHaveLength(2);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'team.created'));
    expect(entry).toMatchObject({ subject: 'Night Shift', actorId: admin.id });
  });

  it('refuses an unreadable file before writing anything', async () => {
    const before = (await t.db.select().from(users)).length;
    await expect(importUsers(t.db, admin.id, 'email,name,phone\na@example.com,A,1\n', { createTeams: false, dryRun: false })).rejects.toThrow(ImportFileError);
    expect(await t.db.select().from(users)).toHaveLength(before);
  });

  it('imports a full file of 2,000 people, every one a member of the team', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `bulk${i}@example.com,Bulk ${i},Harbour Street Support`);
    const result = await importUsers(t.db, admin.id, `email,name,team\n${rows.join('\n')}`, { createTeams: false, dryRun: false });
    expect(result.counts).toEqual({ created: 2000, skipped: 0, rejected: 0 });
    expect(await t.db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, harbourId))).toHaveLength(2002);
  });
});

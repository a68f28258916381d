import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attempts, auditLog, teamMembers, teams, users } from '@/db/schema';
import { DEMO_PASSWORD } from '@/lib/demo-roster';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { hashPassword } from '@/lib/auth/password';
import { demoExposure, removeDemo } from './demo';

describe.each(testDrivers)('the demo organisation on %s', (driver) => {
  const t = blockDatabase(driver);
  let demoAdmin: { id: string; email: string; name: string; role: 'admin' };
  let ownAdmin: { id: string; email: string; name: string; role: 'admin' };
  beforeAll(async () => {
    const a = await makeUser(t.db, { email: 'admin@example.com', role: 'admin', password: DEMO_PASSWORD });
    await makeUser(t.db, { email: 'manager1@example.com', role: 'manager', password: DEMO_PASSWORD });
    const learner = await makeUser(t.db, { email: 'learner1@example.com', password: DEMO_PASSWORD });
    await makeUser(t.db, { email: 'riverside07@example.com', password: DEMO_PASSWORD });
    const own = await makeUser(t.db, { email: 'it@company.example', role: 'admin', password: 'a long own passphrase' });
    const colleague = await makeUser(t.db, { email: 'rep@company.example', password: 'another long passphrase' });
    const [demoTeam] = await t.db.insert(teams).values({ name: 'Harbour Street Support' }).returning();
    const [ownTeam] = await t.db.insert(teams).values({ name: 'Our own team' }).returning();
    await t.db.insert(teamMembers).values([
      { teamId: demoTeam!.id, userId: learner.id },
      { teamId: ownTeam!.id, userId: colleague.id },
    ]);
    await t.db.insert(attempts).values({ userId: learner.id, scenarioId: 'double-charge', contentHash: 'v' });
    demoAdmin = { id: a.id, email: a.email, name: a.name, role: 'admin' };
    ownAdmin = { id: own.id, email: own.email, name: own.name, role: 'admin' };
  });

  it('is exposed while a demo admin or manager signs in with the published password, and not once both have changed it', async () => {
    expect(await demoExposure(t.db)).toEqual({ accounts: 4, publishedPassword: true });
    await t.db.update(users).set({ passwordHash: await hashPassword('changed by the admin') }).where(eq(users.email, 'admin@example.com'));
    expect((await demoExposure(t.db)).publishedPassword).toBe(true);
    await t.db.update(users).set({ active: false }).where(eq(users.email, 'manager1@example.com'));
    expect(await demoExposure(t.db)).toEqual({ accounts: 4, publishedPassword: false });
    await t.db.update(users).set({ passwordHash: await hashPassword(DEMO_PASSWORD), active: true }).where(inArray(users.email, ['admin@example.com', 'manager1@example.com']));
  });

  it('refuses a demo admin, then removes every demo person, their records and teams for an admin of our own', async () => {
    await expect(removeDemo(t.db, demoAdmin)).rejects.toMatchObject({ status: 409 });
    expect(await removeDemo(t.db, ownAdmin)).toEqual({ usersRemoved: 4, teamsRemoved: 1 });
    expect((await t.db.select({ email: users.email }).from(users)).map((r) => r.email).sort()).toEqual(['it@company.example', 'rep@company.example']);
    expect((await t.db.select({ name: teams.name }).from(teams)).map((r) => r.name)).toEqual(['Our own team']);
    expect(await t.db.select().from(attempts)).toEqual([]);
    expect(await t.db.select().from(teamMembers)).toHaveLength(1);
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'demo.removed'));
    expect(row).toMatchObject({ actorId: ownAdmin.id, detail: { usersRemoved: 4, teamsRemoved: 1 } });
    expect(await demoExposure(t.db)).toEqual({ accounts: 0, publishedPassword: false });
  });
});

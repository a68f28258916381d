import { count, eq, ne, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD, demoHistoryTeam } from '@/lib/demo-roster';
import { isEmpty, seedDemo } from './seed';
import { attempts, decisions, teamManagers, teamMembers, teams, users } from './schema';
import { createTestDatabase, testDrivers } from './testing';

describe.each(testDrivers)('demo seed on %s', (driver) => {
  it('creates one admin, three managers, an author, two new teams of six and a team of 40 with history, and changes nothing the second time', async () => {
    const t = await createTestDatabase(driver);
    try {
      expect(await isEmpty(t.db)).toBe(true);
      expect(await seedDemo(t.db)).toEqual({ usersAdded: 17, historyAdded: true });
      expect(await isEmpty(t.db)).toBe(false);

      const byRole = await t.db.select({ role: users.role, n: count() }).from(users).groupBy(users.role);
      expect(Object.fromEntries(byRole.map((r) => [r.role, r.n]))).toEqual({ admin: 1, manager: 3, author: 1, learner: 52 });

      const snapshot = async () => ({
        users: await t.db.select().from(users).orderBy(users.email),
        teams: await t.db.select().from(teams).orderBy(teams.name),
        members: await t.db.select().from(teamMembers).orderBy(teamMembers.teamId, teamMembers.userId),
        managers: await t.db.select().from(teamManagers).orderBy(teamManagers.teamId),
      });
      const before = await snapshot();
      expect(before.teams).toHaveLength(3);
      expect(before.members).toHaveLength(52);
      expect(before.managers).toHaveLength(3);
      // The history team's attempts are complete walks: their decision rows add up.
      const [a] = await t.db.select({ n: count(), steps: sql<number>`sum(${attempts.decisionCount})::int` }).from(attempts);
      const [d] = await t.db.select({ n: count() }).from(decisions);
      expect(a!.n).toBe(demoHistoryTeam.attempts);
      expect(Number(d!.n)).toBe(Number(a!.steps));
      const [open] = await t.db.select({ n: count() }).from(attempts).where(ne(attempts.status, 'completed'));
      expect(open!.n).toBe(0);

      expect(await seedDemo(t.db)).toEqual({ usersAdded: 0, historyAdded: false });
      expect(await snapshot()).toEqual(before);

      const [m1] = await t.db.select().from(users).where(eq(users.email, 'manager1@example.com'));
      const managed = await t.db
        .select({ email: users.email })
        .from(teamManagers)
        .innerJoin(teamMembers, eq(teamMembers.teamId, teamManagers.teamId))
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(eq(teamManagers.userId, m1!.id))
        .orderBy(users.email);
      expect(managed.map((r) => r.email)).toEqual(
        [1, 2, 3, 4, 5, 6].map((n) => `learner${n}@example.com`).sort(),
      );
      expect(await verifyPassword(m1!.passwordHash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(m1!.passwordHash, 'wrong')).toBe(false);
    } finally {
      await t.dispose();
    }
  });
});

// Demo organisation: one admin, two managers each with a team of six new learners, and a third team of 40 with months of history. Safe to run again.
import { count, eq, inArray } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Db } from './client';
import { checkupPlans, teamManagers, teamMembers, teams, users } from './schema';
import { DEMO_PASSWORD, demoHistoryTeam, demoPeople, demoTeams } from '@/lib/demo-roster';

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/** Creates whatever part of the demo organisation is missing; returns how many users it added. */
export async function seedDemo(db: Db): Promise<{ usersAdded: number; historyAdded: boolean }> {
  const people = await seedDemoPeople(db);
  const historyAdded = await seedDemoHistory(db);
  await seedDemoCheckups(db);
  return { ...people, historyAdded };
}

/** The first demo team gets a quarterly check-up, so the demo has assignments to show; once only. */
async function seedDemoCheckups(db: Db): Promise<void> {
  const t = demoTeams[0]!;
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, t.name));
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.email, t.manager));
  if (!team || !manager || (await db.select({ id: checkupPlans.id }).from(checkupPlans).where(eq(checkupPlans.teamId, team.id)).limit(1)).length) return;
  const { createPlan } = await import('@/lib/checkups/plans');
  await createPlan(db, manager, { teamId: team.id, name: 'Quarterly check-up' });
}

async function seedDemoHistory(db: Db): Promise<boolean> {
  const t = demoHistoryTeam;
  if ((await db.select({ id: teams.id }).from(teams).where(eq(teams.name, t.name))).length > 0) return false;
  const { seedHistory } = await import('./history');
  const { scenarioCatalogue } = await import('@/lib/content/scenarios');
  await db.transaction((tx) =>
    seedHistory(tx as unknown as Db, {
      teamName: t.name,
      emailPrefix: t.emailPrefix,
      learners: t.learners,
      attempts: t.attempts,
      scenarios: [...scenarioCatalogue().values()],
      password: DEMO_PASSWORD,
    }),
  );
  // The manager is a demo person, added above; the team becomes theirs.
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, t.name));
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.email, t.manager));
  if (team && manager) await db.insert(teamManagers).values({ teamId: team.id, userId: manager.id }).onConflictDoNothing();
  return true;
}

async function seedDemoPeople(db: Db): Promise<{ usersAdded: number }> {
  const emails = demoPeople.map((p) => p.email);
  const existing = new Set(
    (await db.select({ email: users.email }).from(users).where(inArray(users.email, emails))).map((r) => r.email),
  );
  const missing = demoPeople.filter((p) => !existing.has(p.email));
  const passwordHash = missing.length > 0 ? await hashPassword(DEMO_PASSWORD) : '';

  return db.transaction(async (tx) => {
    const added = missing.length
      ? await tx
          .insert(users)
          .values(missing.map((p) => ({ ...p, passwordHash })))
          .onConflictDoNothing()
          .returning({ id: users.id })
      : [];
    await tx.insert(teams).values(demoTeams.map((t) => ({ name: t.name }))).onConflictDoNothing();

    const teamRows = await tx.select().from(teams).where(inArray(teams.name, demoTeams.map((t) => t.name)));
    const userRows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
    const idOf = new Map(userRows.map((u) => [u.email, u.id]));
    const teamIdOf = new Map(teamRows.map((t) => [t.name, t.id]));

    for (const t of demoTeams) {
      const teamId = teamIdOf.get(t.name)!;
      await tx.insert(teamManagers).values({ teamId, userId: idOf.get(t.manager)! }).onConflictDoNothing();
      await tx
        .insert(teamMembers)
        .values(t.learners.map((n) => ({ teamId, userId: idOf.get(`learner${n}@example.com`)! })))
        .onConflictDoNothing();
    }
    return { usersAdded: added.length };
  });
}

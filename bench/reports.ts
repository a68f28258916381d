// Report timings in-process, with query counts, beside a primary-key read: a team of 40 with 2,000 attempts, and a large generated organisation; and a 2,000-row user import.
import { eq, sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DatabaseTarget, type Db } from '../db/client';
import { LARGE, seedLarge } from '../db/large';
import { seedHistory } from '../db/history';
import { teams, users } from '../db/schema';
import { importUsers } from '../lib/admin/import';
import { onboardingPath } from '../lib/content/onboarding';
import { scenarioCatalogue } from '../lib/content/scenarios';
import { teamOverview } from '../lib/reports/team';
import { finishedWork, learnerRecord } from '../lib/reports/learner';
import { skillProfile } from '../lib/skills/profiles';
import { learnerCheckups } from '../lib/checkups/results';

export interface ReportFigure {
  overviewMs: number;
  baselineMs: number;
  queries: number;
  members: number;
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

export async function teamOverviewFigure(target: DatabaseTarget, basis: 'recent' | 'checkup'): Promise<ReportFigure> {
  let queries = 0;
  const handle = await openDatabase({ ...target, onQuery: () => queries++ });
  try {
    await handle.migrate();
    const { teamId, learnerIds } = await seedHistory(handle.db, {
      teamName: `Bench ${Date.now()}`,
      emailPrefix: `bench${Date.now()}-`,
      learners: 40,
      attempts: 2000,
      scenarios: [...scenarioCatalogue().values()],
      password: null,
    });
    const path = onboardingPath();
    await teamOverview(handle.db, teamId, path, basis); // warm-up
    queries = 0;
    const o = await teamOverview(handle.db, teamId, path, basis);
    const counted = queries;
    const overviewMs = await median(21, () => teamOverview(handle.db, teamId, path, basis));
    const baselineMs = await median(21, () => handle.db.select().from(users).where(eq(users.id, learnerIds[0]!)));
    return { overviewMs, baselineMs, queries: counted, members: o!.members.length };
  } finally {
    await handle.close();
  }
}

/** What the manager's learner page reads: record, path work, skill profile, check-ups. */
async function learnerPageData(db: Db, userId: string) {
  await Promise.all([learnerRecord(db, userId), finishedWork(db, userId), skillProfile(db, userId), learnerCheckups(db, userId)]);
}

/**
 * Team overview and learner page on an organisation already seeded with `npm run db:seed -- --scale
 * large` (or seeded here when `seed` is set): medians of 21 runs and each one's query count.
 */
export async function largeOrgFigures(target: DatabaseTarget, seed: boolean): Promise<{ overview: number; overviewQueries: number; learner: number; learnerQueries: number; decisions: number; baselineMs: number }> {
  let queries = 0;
  const handle = await openDatabase({ ...target, onQuery: () => queries++ });
  try {
    await handle.migrate();
    if (seed) await seedLarge(handle.db, LARGE);
    const [count] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from decisions`);
    // A team from the middle of the organisation, and its first learner.
    const [team] = await queryRows<{ id: string }>(handle.db, sql`select id from teams where name like 'Stonebridge%' order by name limit 1`);
    const [learner] = await queryRows<{ id: string }>(handle.db, sql`select user_id as id from team_members where team_id = ${team!.id} limit 1`);
    const path = onboardingPath();
    await teamOverview(handle.db, team!.id, path, 'recent');
    queries = 0;
    await teamOverview(handle.db, team!.id, path, 'recent');
    const overviewQueries = queries;
    const overview = await median(21, () => teamOverview(handle.db, team!.id, path, 'recent'));
    await learnerPageData(handle.db, learner!.id);
    queries = 0;
    await learnerPageData(handle.db, learner!.id);
    const learnerQueries = queries;
    const learnerMs = await median(21, () => learnerPageData(handle.db, learner!.id));
    const baselineMs = await median(21, () => handle.db.select().from(users).where(eq(users.id, learner!.id)));
    return { overview, overviewQueries, learner: learnerMs, learnerQueries, decisions: Number(count!.n), baselineMs };
  } finally {
    await handle.close();
  }
}

/**
 * A user import of 2,000 rows into one team (checks, accounts, memberships, audit) beside the
 * least any import must do: one insert of the same 2,000 accounts.
 */
export async function importFigure(target: DatabaseTarget): Promise<{ importMs: number; baselineMs: number; created: number }> {
  const handle = await openDatabase(target);
  try {
    await handle.migrate();
    const [admin] = await handle.db.insert(users).values({ email: `bench-admin-${Date.now()}@example.com`, name: 'Bench Admin', role: 'admin' }).returning();
    await handle.db.insert(teams).values({ name: 'Bench Import Team' });
    const stamp = Date.now();
    const csv = ['email,name,team', ...Array.from({ length: 2000 }, (_, i) => `import${stamp}-${i}@example.com,Import ${i},Bench Import Team`)].join('\n');
    let t = performance.now();
    const result = await importUsers(handle.db, admin!.id, csv, { createTeams: false, dryRun: false });
    const importMs = performance.now() - t;
    t = performance.now();
    await handle.db.insert(users).values(Array.from({ length: 2000 }, (_, i) => ({ email: `plain${stamp}-${i}@example.com`, name: `Plain ${i}` })));
    return { importMs, baselineMs: performance.now() - t, created: result.counts.created };
  } finally {
    await handle.close();
  }
}

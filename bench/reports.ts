// Report timings in-process: the team overview for a team of 40 with 2,000 attempts, with its query count, beside a primary-key read.
import { eq } from 'drizzle-orm';
import { openDatabase, type DatabaseTarget } from '../db/client';
import { seedHistory } from '../db/history';
import { users } from '../db/schema';
import { onboardingPath } from '../lib/content/onboarding';
import { scenarioCatalogue } from '../lib/scenario/course';
import { teamOverview } from '../lib/reports/team';

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

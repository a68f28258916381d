// A large generated organisation for benchmarks: thousands of learners in teams of 40, each team with months of history.
import { sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import type { Db } from './client';
import { seedHistory } from './history';
import { DEMO_PASSWORD } from '@/lib/demo-roster';

const places = ['Harbourside', 'Northfield', 'Eastgate', 'Westbrook', 'Southmoor', 'Kingsway', 'Riverbend', 'Hillcrest', 'Lakeside', 'Millbrook', 'Oakridge', 'Stonebridge', 'Fairview', 'Ashford', 'Beacon', 'Cedar Park', 'Docklands', 'Elmwood', 'Foxhall', 'Greenway', 'Highbury', 'Ivy Lane', 'Juniper', 'Kestrel', 'Larchmont'];
const functions = ['Billing', 'Returns', 'Accounts', 'Deliveries', 'Care Line'];

export interface LargeOptions {
  teams: number;
  learnersPerTeam: number;
  /** Roughly how many decisions in all; the attempts per team adapt to the scenarios' path lengths. */
  decisions: number;
  log?: (line: string) => void;
}

export const LARGE: LargeOptions = { teams: 125, learnersPerTeam: 40, decisions: 500_000 };

/** Adds the organisation, team by team, each in its own transaction; returns what it made. */
export async function seedLarge(db: Db, o: LargeOptions = LARGE): Promise<{ teams: number; learners: number; decisions: number }> {
  const scenarios = [...scenarioCatalogue().values()];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let decisions = 0;
  let perAttempt = 6.5;
  let attemptsMade = 0;
  const started = Date.now();
  for (let t = 0; t < o.teams; t++) {
    const left = o.teams - t;
    const attempts = Math.max(1, Math.round((o.decisions - decisions) / left / perAttempt));
    const name = `${places[t % places.length]} ${functions[Math.floor(t / places.length) % functions.length]}${t >= places.length * functions.length ? ` ${Math.floor(t / (places.length * functions.length)) + 1}` : ''}`;
    const made = await db.transaction((tx) =>
      seedHistory(tx as unknown as Db, {
        teamName: name,
        emailPrefix: `org${String(t + 1).padStart(3, '0')}-`,
        learners: o.learnersPerTeam,
        attempts,
        scenarios,
        password: DEMO_PASSWORD,
        passwordHash,
        manager: { email: `manager-org${String(t + 1).padStart(3, '0')}@example.com`, name: `Manager of ${name}` },
        seed: 1000 + t,
      }),
    );
    decisions += made.decisions;
    attemptsMade += attempts;
    perAttempt = decisions / attemptsMade;
    if ((t + 1) % 25 === 0 || t === o.teams - 1) o.log?.(`  ${t + 1}/${o.teams} teams, ${decisions.toLocaleString('en')} decisions, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  // Fresh statistics, so the planner sees the tables as they now are (autovacuum would, later).
  await db.execute(sql`analyze`);
  return { teams: o.teams, learners: o.teams * o.learnersPerTeam, decisions };
}

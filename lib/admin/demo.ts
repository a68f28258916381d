// The demo organisation's exposure and its removal: accounts with a published password must never be reachable by strangers.
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getDb } from '@/db/runtime';
import { teams, users } from '@/db/schema';
import { DEMO_PASSWORD, demoHistoryTeam, demoPeople, demoTeams } from '@/lib/demo-roster';
import { audit } from '@/lib/audit';
import { verifyPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/access';
import { HttpError } from '@/lib/http-error';

/** Every address the demo seed creates. */
export function demoEmails(): string[] {
  const history = Array.from({ length: demoHistoryTeam.learners }, (_, i) => `${demoHistoryTeam.emailPrefix}${String(i + 1).padStart(2, '0')}@example.com`);
  return [...demoPeople.map((p) => p.email), ...history];
}

export interface DemoExposure {
  /** Demo accounts still in the database. */
  accounts: number;
  /** Whether an active demo admin or manager still signs in with the published password. */
  publishedPassword: boolean;
}

/**
 * Checks the accounts that matter most (the demo admin and managers) against the published
 * password itself: an admin who changed it there has closed the hole even with the demo data kept.
 */
export async function demoExposure(db: Db): Promise<DemoExposure> {
  const emails = demoEmails();
  const [row] = await db.select({ n: count() }).from(users).where(inArray(users.email, emails));
  const powerful = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(and(inArray(users.email, demoPeople.filter((p) => p.role !== 'learner').map((p) => p.email)), eq(users.active, true)));
  let publishedPassword = false;
  for (const p of powerful) if (await verifyPassword(p.hash, DEMO_PASSWORD)) publishedPassword = true;
  return { accounts: row?.n ?? 0, publishedPassword };
}

const CACHE_MS = 60_000;
// On globalThis: each route is bundled with its own copy of this module, and the removal route
// must clear what every page reads.
const shared = globalThis as { demoExposureCache?: { at: number; value: Promise<DemoExposure> } };

/** The exposure as pages show it: checked at most once a minute per process (it costs a few password checks). */
export function cachedDemoExposure(now = Date.now()): Promise<DemoExposure> {
  const cached = shared.demoExposureCache;
  if (cached && now - cached.at <= CACHE_MS) return cached.value;
  // Read on every page, signed in or not (the banner, the sign-in page), so it reaches the runtime database itself.
  const value = getDb().then(demoExposure);
  shared.demoExposureCache = { at: now, value };
  return value;
}

export class DemoRemovalError extends HttpError {
  constructor(message: string) {
    super(409, message);
  }
}

/**
 * Removes the demo people (their attempts, notes and assignments go with them) and the demo teams,
 * in one transaction. Refused to a demo admin: they would lock everyone out, so an admin of the
 * organisation's own must do it.
 */
export async function removeDemo(db: Db, actor: SessionUser): Promise<{ usersRemoved: number; teamsRemoved: number }> {
  const emails = demoEmails();
  if (emails.includes(actor.email)) {
    throw new DemoRemovalError('You are signed in as a demo account. Add an admin account of your own, sign in with it, then remove the demo organisation.');
  }
  const teamNames = [...demoTeams.map((t) => t.name), demoHistoryTeam.name];
  const out = await db.transaction(async (tx) => {
    const gone = await tx.delete(teams).where(inArray(teams.name, teamNames)).returning({ id: teams.id });
    const people = await tx.delete(users).where(inArray(users.email, emails)).returning({ id: users.id });
    return { usersRemoved: people.length, teamsRemoved: gone.length };
  });
  await audit(db, { action: 'demo.removed', actorId: actor.id, subject: 'demo organisation', detail: out });
  shared.demoExposureCache = undefined;
  return out;
}

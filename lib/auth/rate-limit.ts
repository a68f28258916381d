// Limits failed sign-ins per email and address together, per address and per email, counted in the database so every instance agrees.
import { and, count, desc, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { signInFailures } from '@/db/schema';

export interface SignInLimit {
  /** Failures allowed inside the window before sign-in is refused. */
  max: number;
  windowMinutes: number;
}

export interface SignInKey {
  email: string;
  ip: string;
}

export type LimitBy = 'pair' | 'ip' | 'email';
export type LimitCheck = { blocked: false } | { blocked: true; by: LimitBy; retryAfterSeconds: number };

/**
 * Three counts, each with its own ceiling. One address guessing one account stops at `max`; an
 * address trying many accounts at three times that; an account guessed from many addresses at five
 * times that. So a single attacker can never lock the real person out of their own account (their
 * guesses stop at the pair's ceiling, well below the account's), while spraying and distributed
 * guessing are still slowed.
 */
export const IP_FACTOR = 3;
export const EMAIL_FACTOR = 5;

function ceilings(key: SignInKey, limit: SignInLimit) {
  return [
    { by: 'pair' as const, where: and(eq(signInFailures.email, key.email), eq(signInFailures.ip, key.ip)), max: limit.max },
    { by: 'ip' as const, where: eq(signInFailures.ip, key.ip), max: limit.max * IP_FACTOR },
    { by: 'email' as const, where: eq(signInFailures.email, key.email), max: limit.max * EMAIL_FACTOR },
  ];
}

/**
 * Whether this email from this address, this address, or this email has used up its failures.
 * Checked before the password, so a blocked attacker learns nothing even with the right password.
 */
export async function checkSignInLimit(db: Db, key: SignInKey, limit: SignInLimit, now = new Date()): Promise<LimitCheck> {
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
  for (const c of ceilings(key, limit)) {
    const [row] = await db
      .select({ n: count() })
      .from(signInFailures)
      .where(and(c.where, gt(signInFailures.at, since)));
    if ((row?.n ?? 0) < c.max) continue;
    // The block lifts when the max-th most recent failure leaves the window.
    const [edge] = await db
      .select({ at: signInFailures.at })
      .from(signInFailures)
      .where(and(c.where, gt(signInFailures.at, since)))
      .orderBy(desc(signInFailures.at))
      .offset(c.max - 1)
      .limit(1);
    const liftsAt = (edge?.at ?? now).getTime() + limit.windowMinutes * 60_000;
    return { blocked: true, by: c.by, retryAfterSeconds: Math.max(1, Math.ceil((liftsAt - now.getTime()) / 1000)) };
  }
  return { blocked: false };
}

/**
 * Checks the limit and, if there is room, books this attempt as a failure before the password is
 * verified, under a lock per email and per address. Concurrent guesses (on any instance) therefore
 * queue here and at most `max` of them ever reach the password check. The caller removes the
 * booking when the password turns out right (`releaseSignInAttempt`).
 */
export type Booking = Extract<LimitCheck, { blocked: true }> | { blocked: false; id: number };

export async function reserveSignInAttempt(db: Db, key: SignInKey, limit: SignInLimit, now = new Date()): Promise<Booking> {
  return db.transaction(async (tx) => {
    // Always email first, then address, so two sign-ins never wait on each other in a cycle.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`signin-email:${key.email}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`signin-ip:${key.ip}`}))`);
    const check = await checkSignInLimit(tx as unknown as Db, key, limit, now);
    if (check.blocked) return check as Booking;
    const [row] = await tx.insert(signInFailures).values({ email: key.email, ip: key.ip, at: now }).returning({ id: signInFailures.id });
    return { blocked: false as const, id: row!.id };
  });
}

/** Takes back a booked attempt whose password was right. */
export async function releaseSignInAttempt(db: Db, id: number): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.id, id));
}

/** Drops failures that have left the window, for this email and address, so the table stays small. */
export async function pruneSignInFailures(db: Db, key: SignInKey, limit: SignInLimit, now = new Date()): Promise<void> {
  const expired = new Date(now.getTime() - limit.windowMinutes * 60_000);
  await db
    .delete(signInFailures)
    .where(and(or(eq(signInFailures.email, key.email), eq(signInFailures.ip, key.ip)), lt(signInFailures.at, expired)));
}

export async function recordSignInFailure(db: Db, key: SignInKey, limit: SignInLimit, now = new Date()): Promise<void> {
  await db.insert(signInFailures).values({ email: key.email, ip: key.ip, at: now });
  await pruneSignInFailures(db, key, limit, now);
}

/** A successful sign-in forgives that account's earlier typos (the address keeps its count). */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}

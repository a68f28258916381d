// Limits failed sign-ins per email and per client address, counted in the database so every instance agrees.
import { and, count, desc, eq, gt, lt, or } from 'drizzle-orm';
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

export type LimitCheck = { blocked: false } | { blocked: true; by: 'email' | 'ip'; retryAfterSeconds: number };

/**
 * Whether this email or address has used up its failures. Checked before the password, so a
 * blocked attacker learns nothing even with the right password.
 */
export async function checkSignInLimit(db: Db, key: SignInKey, limit: SignInLimit, now = new Date()): Promise<LimitCheck> {
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
  for (const by of ['email', 'ip'] as const) {
    const column = by === 'email' ? signInFailures.email : signInFailures.ip;
    const value = by === 'email' ? key.email : key.ip;
    const [row] = await db
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(column, value), gt(signInFailures.at, since)));
    if ((row?.n ?? 0) < limit.max) continue;
    // The block lifts when the max-th most recent failure leaves the window.
    const [edge] = await db
      .select({ at: signInFailures.at })
      .from(signInFailures)
      .where(and(eq(column, value), gt(signInFailures.at, since)))
      .orderBy(desc(signInFailures.at))
      .offset(limit.max - 1)
      .limit(1);
    const liftsAt = (edge?.at ?? now).getTime() + limit.windowMinutes * 60_000;
    return { blocked: true, by, retryAfterSeconds: Math.max(1, Math.ceil((liftsAt - now.getTime()) / 1000)) };
  }
  return { blocked: false };
}

export async function recordSignInFailure(db: Db, key: SignInKey, limit: SignInLimit, now = new Date()): Promise<void> {
  const expired = new Date(now.getTime() - limit.windowMinutes * 60_000);
  await db.insert(signInFailures).values({ email: key.email, ip: key.ip, at: now });
  // Keep the table small: rows outside the window no longer count.
  await db
    .delete(signInFailures)
    .where(and(or(eq(signInFailures.email, key.email), eq(signInFailures.ip, key.ip)), lt(signInFailures.at, expired)));
}

/** A successful sign-in forgives that account's earlier typos (the address keeps its count). */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}

// Server-side sessions: created at sign-in, ended at sign-out, and bounded by an idle timeout and an absolute lifetime.
import { and, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import type { SessionClaims } from './access';
import { env } from '@/lib/env';

export interface SessionPolicy {
  /** A session unused for this long has ended. */
  idleMinutes: number;
  /** A session this old has ended, however busy. */
  maxHours: number;
}

export function sessionPolicy(): SessionPolicy {
  const e = env();
  return { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS };
}

/** Last-seen times are written at most this often per session, so a busy learner costs one write a minute. */
export const TOUCH_EVERY_MS = 60_000;

export async function createSession(db: Db, userId: string): Promise<string> {
  const [row] = await db.insert(sessions).values({ userId }).returning({ id: sessions.id });
  return row!.id;
}

export type EndReason = 'signed out' | 'password changed' | 'ended by an admin';

export async function endSession(db: Db, id: string, reason: EndReason): Promise<void> {
  await db.update(sessions).set({ endedAt: new Date(), endedReason: reason }).where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** Ends every live session of a user, except (optionally) the one making the change. */
export async function endUserSessions(db: Db, userId: string, reason: EndReason, except?: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ endedAt: new Date(), endedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), except ? ne(sessions.id, except) : undefined))
    .returning({ id: sessions.id });
  return rows.length;
}

export type SessionState = 'live' | 'ended' | 'idle' | 'expired';

/** Where a session row stands at `now` under the policy. */
export function sessionState(row: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null }, policy: SessionPolicy, now: Date): SessionState {
  if (row.endedAt) return 'ended';
  if (now.getTime() - row.createdAt.getTime() > policy.maxHours * 3_600_000) return 'expired';
  if (now.getTime() - row.lastSeenAt.getTime() > policy.idleMinutes * 60_000) return 'idle';
  return 'live';
}

/**
 * `resolveSession`'s whole test in SQL, for writes that must check it in the statement that writes
 * (ADR 11): the user active at the token's session version, and the session row live by `sessionState`.
 */
export function sessionValidSql(claims: SessionClaims, policy: SessionPolicy): SQL {
  // A malformed id cannot name a row; comparing it to a uuid column would be an error, not a refusal.
  if (!isUuid(claims.uid) || !isUuid(claims.sid)) return sql`false`;
  return sql`exists (select 1 from ${users} where ${users.id} = ${claims.uid} and ${users.active} and ${users.sessionVersion} = ${claims.sv})
    and exists (select 1 from ${sessions} where ${sessions.id} = ${claims.sid} and ${sessions.userId} = ${claims.uid} and ${sessions.endedAt} is null
    and ${sessions.lastSeenAt} > now() - make_interval(mins => ${policy.idleMinutes})
    and ${sessions.createdAt} > now() - make_interval(hours => ${policy.maxHours}))`;
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

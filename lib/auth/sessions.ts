// Server-side sessions: created at sign-in, ended at sign-out, and bounded by an idle timeout and an absolute lifetime.
import { and, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions } from '@/db/schema';
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

/** The same test in SQL, for writes that must check the session in the statement that writes (ADR 11). */
export function sessionLiveSql(id: string, policy: SessionPolicy): SQL {
  return sql`exists (select 1 from ${sessions} where ${sessions.id} = ${id} and ${sessions.endedAt} is null
    and ${sessions.lastSeenAt} > now() - make_interval(mins => ${policy.idleMinutes})
    and ${sessions.createdAt} > now() - make_interval(hours => ${policy.maxHours}))`;
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

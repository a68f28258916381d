// Deletes what the trainer no longer needs to keep: old audit rows, spent sign-in failures, long-finished sessions and, if asked, the words of old typed replies (ADR 17).
import { and, isNotNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, decisions, sessions, signInFailures, xapiOutbox } from '@/db/schema';
import type { Env } from '@/lib/env';
import { ERASED_REPLY, replyWordsErased } from './erase';

export interface RetentionPolicy {
  /** Audit rows older than this many days go. */
  auditDays: number;
  /** A sign-in failure counts for this long; after that it only holds an email and an address. */
  signInWindowMinutes: number;
  /** How a session without an explicit end ends: after this long idle, or this long in all. */
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Typed replies older than this many days lose their words; null keeps them as long as the attempt. */
  typedReplyDays: number | null;
}

/** Ended sessions are kept this long, so an admin can still see recent sign-ins of someone who reports trouble. */
export const SESSION_KEEP_DAYS = 30;
// Delivered statements are the store's to keep; the outbox holds them a month, for the admin's counts and any question about a delivery.
export const SENT_KEEP_DAYS = 30;
/** Rows deleted per statement: the embedded database serves one statement at a time, and requests wait behind each. */
export const RETENTION_BATCH = 2000;
export const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;

export function retentionPolicy(
  e: Pick<Env, 'AUDIT_RETENTION_DAYS' | 'SIGNIN_WINDOW_MINUTES' | 'SESSION_IDLE_MINUTES' | 'SESSION_MAX_HOURS' | 'TYPED_REPLY_RETENTION_DAYS'>,
): RetentionPolicy {
  return {
    auditDays: e.AUDIT_RETENTION_DAYS,
    signInWindowMinutes: e.SIGNIN_WINDOW_MINUTES,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    typedReplyDays: e.TYPED_REPLY_RETENTION_DAYS,
  };
}

export interface Removed {
  auditRows: number;
  signInFailures: number;
  sessions: number;
  repliesErased: number;
  /** xAPI statements delivered to their store more than SENT_KEEP_DAYS ago: the store holds them now. */
  statementsSent: number;
}

/** Repeats a bounded delete until a batch comes back short, and counts what went. */
async function inBatches(remove: (limit: number) => Promise<unknown[]>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = (await remove(RETENTION_BATCH)).length;
    total += n;
    if (n < RETENTION_BATCH) return total;
  }
}

/** One pass of the retention rules; safe to run on every instance at once, since each row is deleted once. */
export async function runRetention(db: Db, policy: RetentionPolicy, now = new Date()): Promise<Removed> {
  const auditBefore = new Date(now.getTime() - policy.auditDays * 86_400_000);
  const failuresBefore = new Date(now.getTime() - policy.signInWindowMinutes * 60_000);
  const sessionsBefore = new Date(now.getTime() - SESSION_KEEP_DAYS * 86_400_000);
  // A session without an end row ended when it went idle or reached its lifetime, whichever came first.
  const sessionOver: SQL = or(
    and(isNotNull(sessions.endedAt), lt(sessions.endedAt, sessionsBefore)),
    sql`${sessions.endedAt} is null and least(
      ${sessions.lastSeenAt} + make_interval(mins => ${policy.sessionIdleMinutes}),
      ${sessions.createdAt} + make_interval(hours => ${policy.sessionMaxHours})) < ${sessionsBefore.toISOString()}::timestamptz`,
  )!;

  const auditRows = await inBatches((limit) =>
    db
      .delete(auditLog)
      .where(sql`${auditLog.id} in (select ${auditLog.id} from ${auditLog} where ${lt(auditLog.at, auditBefore)} limit ${limit})`)
      .returning({ id: auditLog.id }),
  );
  const failures = await inBatches((limit) =>
    db
      .delete(signInFailures)
      .where(sql`${signInFailures.id} in (select ${signInFailures.id} from ${signInFailures} where ${lt(signInFailures.at, failuresBefore)} limit ${limit})`)
      .returning({ id: signInFailures.id }),
  );
  const ended = await inBatches((limit) =>
    db
      .delete(sessions)
      .where(sql`${sessions.id} in (select ${sessions.id} from ${sessions} where ${sessionOver} limit ${limit})`)
      .returning({ id: sessions.id }),
  );
  const repliesErased = policy.typedReplyDays === null ? 0 : await eraseOldReplies(db, new Date(now.getTime() - policy.typedReplyDays * 86_400_000));
  const sentBefore = new Date(now.getTime() - SENT_KEEP_DAYS * 86_400_000);
  const statementsSent = await inBatches((limit) =>
    db
      .delete(xapiOutbox)
      .where(sql`${xapiOutbox.id} in (select ${xapiOutbox.id} from ${xapiOutbox} where ${lt(xapiOutbox.sentAt, sentBefore)} limit ${limit})`)
      .returning({ id: xapiOutbox.id }),
  );
  return { auditRows, signInFailures: failures, sessions: ended, repliesErased, statementsSent };
}

/** Takes the words out of typed replies made before the cut-off, the way erasure does, a batch at a time. */
function eraseOldReplies(db: Db, before: Date): Promise<number> {
  const old = and(isNotNull(decisions.replyText), ne(decisions.replyText, ERASED_REPLY), lt(decisions.createdAt, before));
  return inBatches((limit) =>
    db
      .update(decisions)
      .set(replyWordsErased)
      .where(sql`(${decisions.attemptId}, ${decisions.seq}) in (select ${decisions.attemptId}, ${decisions.seq} from ${decisions} where ${old} limit ${limit})`)
      .returning({ seq: decisions.seq }),
  );
}

/** A line for the server's log when anything was removed; nothing to say otherwise. */
export function describeRemoved(r: Removed, policy: RetentionPolicy): string | null {
  if (r.auditRows + r.signInFailures + r.sessions + r.repliesErased + r.statementsSent === 0) return null;
  const replies = r.repliesErased ? ` Erased the words of ${r.repliesErased} typed replies older than ${policy.typedReplyDays} days.` : '';
  const sent = r.statementsSent ? ` Removed ${r.statementsSent} xAPI statements delivered over ${SENT_KEEP_DAYS} days ago.` : '';
  return `Retention: removed ${r.auditRows} audit rows older than ${policy.auditDays} days, ${r.signInFailures} spent sign-in failures and ${r.sessions} sessions over for ${SESSION_KEEP_DAYS} days.${replies}${sent}`;
}

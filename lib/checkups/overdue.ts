// Check-up work past its due date, per learner: what the team page flags and sorts by.
import { and, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { assignments } from '@/db/schema';

export interface OverdueSummary {
  overdue: number;
  /** The earliest due date among the overdue assignments. */
  oldestDueAt: Date;
}

/** Open check-up assignments past their due date, per learner; learners with none are absent. One query. */
export async function overdueByUser(db: Db, userIds: string[], now = new Date()): Promise<Map<string, OverdueSummary>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: assignments.userId, overdue: sql<number>`count(*)::int`, oldest: sql`min(${assignments.dueAt})`.mapWith(assignments.dueAt) })
    .from(assignments)
    .where(and(inArray(assignments.userId, userIds), isNotNull(assignments.runId), isNull(assignments.completedAt), lt(assignments.dueAt, now)))
    .groupBy(assignments.userId);
  return new Map(rows.map((r) => [r.userId, { overdue: Number(r.overdue), oldestDueAt: r.oldest! }]));
}

// A learner's practice record per scenario, for the Practice catalogue.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attempts } from '@/db/schema';

/** Per scenario, the learner's best finished score and how many attempts they started. */
export async function practiceStats(db: Db, userId: string): Promise<Map<string, { best: number | null; attempts: number }>> {
  const rows = await db
    .select({
      scenarioId: attempts.scenarioId,
      best: sql<number | null>`max(${attempts.score})`,
      attempts: sql<number>`count(*)::int`,
    })
    .from(attempts)
    .where(eq(attempts.userId, userId))
    .groupBy(attempts.scenarioId);
  return new Map(rows.map((r) => [r.scenarioId, { best: r.best === null ? null : Number(r.best), attempts: Number(r.attempts) }]));
}

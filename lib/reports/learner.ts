// One learner's record for their progress page: modules with knowledge-check results, and every attempt. Three queries.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attempts, checkAnswers, moduleProgress } from '@/db/schema';

export interface ModuleRecord {
  moduleId: string;
  status: 'in_progress' | 'completed';
  completedAt: Date | null;
  answered: number;
  correct: number;
}

export interface AttemptRecord {
  id: string;
  scenarioId: string;
  mode: 'practice' | 'checkup';
  status: 'in_progress' | 'completed' | 'abandoned';
  outcome: string | null;
  score: number | null;
  decisions: number;
  startedAt: Date;
  finishedAt: Date | null;
}

export async function learnerRecord(db: Db, userId: string): Promise<{ modules: ModuleRecord[]; attempts: AttemptRecord[] }> {
  const [modules, answers, attemptRows] = await Promise.all([
    db
      .select({ moduleId: moduleProgress.moduleId, status: moduleProgress.status, completedAt: moduleProgress.completedAt })
      .from(moduleProgress)
      .where(eq(moduleProgress.userId, userId)),
    db
      .select({
        moduleId: checkAnswers.moduleId,
        answered: sql<number>`count(*)::int`,
        correct: sql<number>`count(*) filter (where ${checkAnswers.correct})::int`,
      })
      .from(checkAnswers)
      .where(eq(checkAnswers.userId, userId))
      .groupBy(checkAnswers.moduleId),
    db
      .select({
        id: attempts.id,
        scenarioId: attempts.scenarioId,
        mode: attempts.mode,
        status: attempts.status,
        outcome: attempts.outcome,
        score: attempts.score,
        decisions: attempts.decisionCount,
        startedAt: attempts.startedAt,
        finishedAt: attempts.finishedAt,
      })
      .from(attempts)
      .where(and(eq(attempts.userId, userId)))
      .orderBy(desc(attempts.startedAt)),
  ]);
  const byModule = new Map(answers.map((a) => [a.moduleId, a]));
  return {
    modules: modules.map((m) => ({ ...m, answered: Number(byModule.get(m.moduleId)?.answered ?? 0), correct: Number(byModule.get(m.moduleId)?.correct ?? 0) })),
    attempts: attemptRows,
  };
}

/** The learner's finished modules and scenarios, for their path. Two queries. */
export async function finishedWork(db: Db, userId: string): Promise<{ modules: Set<string>; scenarios: Set<string> }> {
  const [mods, scens] = await Promise.all([
    db
      .select({ id: moduleProgress.moduleId })
      .from(moduleProgress)
      .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.status, 'completed'))),
    db
      .selectDistinct({ id: attempts.scenarioId })
      .from(attempts)
      .where(and(eq(attempts.userId, userId), eq(attempts.status, 'completed'))),
  ]);
  return { modules: new Set(mods.map((m) => m.id)), scenarios: new Set(scens.map((s) => s.id)) };
}

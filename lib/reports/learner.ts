// Learners' records: modules with knowledge-check results, attempts and finished work, for one learner or many in a fixed number of queries.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attempts, checkAnswers, moduleProgress } from '@/db/schema';
import type { Mode } from '@/lib/attempts/types';

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
  mode: Mode;
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
    attemptsOf(db, [userId]),
  ]);
  const byModule = new Map(answers.map((a) => [a.moduleId, a]));
  return {
    modules: modules.map((m) => ({ ...m, answered: Number(byModule.get(m.moduleId)?.answered ?? 0), correct: Number(byModule.get(m.moduleId)?.correct ?? 0) })),
    attempts: attemptRows.map(({ userId: _userId, ...a }) => a),
  };
}

/** Attempts of several learners, newest first, each with its learner's id. One query. */
export async function attemptsOf(db: Db, userIds: string[]): Promise<(AttemptRecord & { userId: string })[]> {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: attempts.userId,
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
    .where(inArray(attempts.userId, userIds))
    .orderBy(desc(attempts.startedAt));
}

/** Finished modules and scenarios per learner, for their paths. Two queries, however many learners. */
export async function finishedWorkOf(db: Db, userIds: string[]): Promise<Map<string, { modules: Set<string>; scenarios: Set<string> }>> {
  const out = new Map(userIds.map((id) => [id, { modules: new Set<string>(), scenarios: new Set<string>() }]));
  if (userIds.length === 0) return out;
  const [mods, scens] = await Promise.all([
    db
      .select({ userId: moduleProgress.userId, id: moduleProgress.moduleId })
      .from(moduleProgress)
      .where(and(inArray(moduleProgress.userId, userIds), eq(moduleProgress.status, 'completed'))),
    db
      .selectDistinct({ userId: attempts.userId, id: attempts.scenarioId })
      .from(attempts)
      .where(and(inArray(attempts.userId, userIds), eq(attempts.status, 'completed'))),
  ]);
  for (const m of mods) out.get(m.userId)?.modules.add(m.id);
  for (const sc of scens) out.get(sc.userId)?.scenarios.add(sc.id);
  return out;
}

/** One learner's finished modules and scenarios, for their path. */
export async function finishedWork(db: Db, userId: string): Promise<{ modules: Set<string>; scenarios: Set<string> }> {
  return (await finishedWorkOf(db, [userId])).get(userId)!;
}

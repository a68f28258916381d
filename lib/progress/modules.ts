// A learner's progress through the course: module status, knowledge-check answers, private reflections.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { checkAnswers, moduleProgress, reflections } from '@/db/schema';
import type { CourseModule } from '@/lib/content/modules';
import { HttpError } from '@/lib/http-error';
import { stableShuffle } from '@/lib/shuffle';
import { queueStatements, xapiSettings } from '@/lib/xapi/outbox';
import { checkAnswered, moduleCompleted } from '@/lib/xapi/statements';

export type ModuleStatus = 'not_started' | 'in_progress' | 'completed';

export class ProgressError extends HttpError {
  constructor(status: 400 | 404 | 409, message: string) {
    super(status, message);
  }
}

export interface AnswerResult {
  optionId: string;
  correct: boolean;
  explanation: string;
  correctOptionId: string;
  correctExplanation: string;
}

export interface ModuleProgress {
  status: ModuleStatus;
  answers: Record<string, AnswerResult>;
  reflections: Record<string, string>;
  /** Each check's option ids in the order this learner sees them: shuffled per learner, the same on every visit. */
  order: Record<string, string[]>;
}

/** The order a learner sees a module's check options in, so position and neighbours give nothing away. */
export function checkOrder(userId: string, mod: Pick<CourseModule, 'id' | 'checks'>): Record<string, string[]> {
  return Object.fromEntries(mod.checks.map((c) => [c.id, stableShuffle(c.options, `${userId}:${mod.id}:${c.id}`, (o) => o.id).map((o) => o.id)]));
}

export const MAX_REFLECTION_CHARS = 4000;

function describeAnswer(mod: CourseModule, checkId: string, optionId: string): AnswerResult | undefined {
  const check = mod.checks.find((c) => c.id === checkId);
  const chosen = check?.options.find((o) => o.id === optionId);
  const right = check?.options.find((o) => o.correct);
  if (!check || !chosen || !right) return undefined;
  return { optionId, correct: chosen.correct, explanation: chosen.explain, correctOptionId: right.id, correctExplanation: right.explain };
}

export async function moduleProgressFor(db: Db, userId: string, mod: CourseModule): Promise<ModuleProgress> {
  const [row] = await db
    .select({ status: moduleProgress.status })
    .from(moduleProgress)
    .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, mod.id)));
  const answerRows = await db
    .select({ checkId: checkAnswers.checkId, optionId: checkAnswers.optionId })
    .from(checkAnswers)
    .where(and(eq(checkAnswers.userId, userId), eq(checkAnswers.moduleId, mod.id)));
  const noteRows = await db
    .select({ id: reflections.reflectionId, text: reflections.text })
    .from(reflections)
    .where(and(eq(reflections.userId, userId), eq(reflections.moduleId, mod.id)));
  const answers: Record<string, AnswerResult> = {};
  for (const a of answerRows) {
    // A check removed or changed since the answer no longer has an explanation to show.
    const described = describeAnswer(mod, a.checkId, a.optionId);
    if (described) answers[a.checkId] = described;
  }
  return {
    status: row?.status ?? 'not_started',
    answers,
    reflections: Object.fromEntries(noteRows.map((n) => [n.id, n.text])),
    order: checkOrder(userId, mod),
  };
}

/** Marks a module as started; harmless when it already is (or is completed). */
export async function startModule(db: Db, userId: string, mod: CourseModule): Promise<void> {
  await db.insert(moduleProgress).values({ userId, moduleId: mod.id }).onConflictDoNothing();
}

/**
 * Records the learner's answer to a check. The first answer stands: sending it again returns the
 * same result, and a different option afterwards is refused. Answering the last check completes
 * the module.
 */
export async function answerCheck(
  db: Db,
  userId: string,
  mod: CourseModule,
  checkId: string,
  optionId: string,
): Promise<AnswerResult & { status: ModuleStatus }> {
  const check = mod.checks.find((c) => c.id === checkId);
  if (!check) throw new ProgressError(404, `Module "${mod.id}" has no question "${checkId}".`);
  const result = describeAnswer(mod, checkId, optionId);
  if (!result) throw new ProgressError(400, `"${optionId}" is not one of the options for this question.`);

  return db.transaction(async (tx) => {
    await tx.insert(moduleProgress).values({ userId, moduleId: mod.id }).onConflictDoNothing();
    await tx
      .insert(checkAnswers)
      .values({ userId, moduleId: mod.id, checkId, optionId, correct: result.correct })
      .onConflictDoNothing();
    const [stored] = await tx
      .select({ optionId: checkAnswers.optionId })
      .from(checkAnswers)
      .where(and(eq(checkAnswers.userId, userId), eq(checkAnswers.moduleId, mod.id), eq(checkAnswers.checkId, checkId)));
    if (stored?.optionId !== optionId) {
      throw new ProgressError(409, 'You have already answered this question; your first answer stands.');
    }
    const answered = await tx
      .select({ checkId: checkAnswers.checkId })
      .from(checkAnswers)
      .where(and(eq(checkAnswers.userId, userId), eq(checkAnswers.moduleId, mod.id)));
    const ids = new Set(answered.map((a) => a.checkId));
    const complete = mod.checks.every((c) => ids.has(c.id));
    if (complete) {
      await tx
        .update(moduleProgress)
        .set({ status: 'completed', completedAt: sql`coalesce(${moduleProgress.completedAt}, now())`, updatedAt: sql`now()` })
        .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, mod.id)));
    }
    const xapi = xapiSettings();
    if (xapi) {
      const courseModule = { id: mod.id, title: mod.title };
      const at = new Date();
      const options = check.options.map((o) => ({ id: o.id, text: o.text }));
      await queueStatements(tx, [
        checkAnswered(xapi.source, { userId, module: courseModule, check: { id: check.id, question: check.question, options }, optionId, correct: result.correct, at }),
        ...(complete ? [moduleCompleted(xapi.source, { userId, module: courseModule, at })] : []),
      ]);
    }
    return { ...result, status: complete ? 'completed' : 'in_progress' };
  });
}

/** Saves (or clears, with empty text) the learner's private note for one reflection prompt. */
export async function saveReflection(db: Db, userId: string, mod: CourseModule, reflectionId: string, text: string): Promise<void> {
  if (!mod.reflections.some((r) => r.id === reflectionId)) {
    throw new ProgressError(404, `Module "${mod.id}" has no reflection "${reflectionId}".`);
  }
  if (text.length > MAX_REFLECTION_CHARS) {
    throw new ProgressError(400, `A reflection can be up to ${MAX_REFLECTION_CHARS} characters; this one has ${text.length}.`);
  }
  await db.insert(moduleProgress).values({ userId, moduleId: mod.id }).onConflictDoNothing();
  if (!text.trim()) {
    await db
      .delete(reflections)
      .where(and(eq(reflections.userId, userId), eq(reflections.moduleId, mod.id), eq(reflections.reflectionId, reflectionId)));
    return;
  }
  await db
    .insert(reflections)
    .values({ userId, moduleId: mod.id, reflectionId, text })
    .onConflictDoUpdate({
      target: [reflections.userId, reflections.moduleId, reflections.reflectionId],
      set: { text, updatedAt: sql`now()` },
    });
}

/** Each module's status for one learner, for the course list. */
export async function courseStatus(db: Db, userId: string): Promise<Map<string, ModuleStatus>> {
  const rows = await db
    .select({ moduleId: moduleProgress.moduleId, status: moduleProgress.status })
    .from(moduleProgress)
    .where(eq(moduleProgress.userId, userId));
  return new Map(rows.map((r) => [r.moduleId, r.status]));
}

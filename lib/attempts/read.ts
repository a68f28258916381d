// Reading an attempt back (resume, debrief, a manager's review), owner only: another person's attempt is a 404 on record.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { prepared, type Db } from '@/db/client';
import { attempts, decisions } from '@/db/schema';
import { auditNotFound } from '@/lib/audit';
import { HttpError } from '@/lib/http-error';
import { isUuid } from '@/lib/ids';
import { replay } from '@/lib/scenario/replay';
import { loadVersion } from './cache';
import type { AttemptView } from './types';
import { bestChoiceAt, endingOf, publicId, replyView, turnOf, type TypedReply } from './view';

type AttemptRow = typeof attempts.$inferSelect;

export const notFound = () => new HttpError(404, 'There is no such attempt.');

/** The same 404 for another person's attempt, after an audit row saying who asked for it. */
export async function probed(db: Db, userId: string, attemptId: string): Promise<HttpError> {
  await auditNotFound(db, userId, `attempt ${attemptId}`, 'another person’s attempt');
  return notFound();
}

export async function findAttempt(db: Db, attemptId: string) {
  if (!isUuid(attemptId)) return undefined;
  const [attempt] = await prepared(db, 'attempt_by_id', (d) =>
    d.select().from(attempts).where(eq(attempts.id, sql.placeholder('id'))).prepare('attempt_by_id'),
  ).execute({ id: attemptId });
  return attempt;
}

/** Every typed reply of an attempt, by seq (read only when the attempt has any). */
export async function typedReplies(db: Db, attempt: AttemptRow): Promise<Map<number, TypedReply>> {
  if (Object.keys(attempt.replyScores).length === 0) return new Map();
  const rows = await db
    .select({ seq: decisions.seq, text: decisions.replyText, coach: decisions.coach })
    .from(decisions)
    .where(and(eq(decisions.attemptId, attempt.id), isNotNull(decisions.replyText)));
  return new Map(rows.filter((r) => r.text && r.coach).map((r) => [r.seq, { text: r.text!, coach: r.coach! }]));
}

export async function getAttempt(db: Db, userId: string, attemptId: string): Promise<AttemptView> {
  const attempt = await findAttempt(db, attemptId);
  if (!attempt) throw notFound();
  if (attempt.userId !== userId) throw await probed(db, userId, attemptId);
  return viewOf(db, attempt, false);
}

/** An attempt with every decision's feedback, for a manager reviewing it; the caller checks access. */
export async function reviewAttempt(
  db: Db,
  attemptId: string,
): Promise<(AttemptView & { userId: string; startedAt: Date; bestAt: Record<string, { choiceId: string; say: string }> }) | null> {
  const attempt = await findAttempt(db, attemptId);
  if (!attempt) return null;
  const v = await loadVersion(db, attempt.contentHash);
  return { ...(await viewOf(db, attempt, true)), userId: attempt.userId, startedAt: attempt.startedAt, bestAt: bestChoiceAt(v) };
}

async function viewOf(db: Db, attempt: AttemptRow, reviewer: boolean): Promise<AttemptView> {
  const v = await loadVersion(db, attempt.contentHash);
  // The attempt row carries its choice ids and reply scores; the log is read only for typed replies' text.
  const state = replay(v.definition, v.personaMood, attempt.choiceIds, attempt.replyScores).state;
  const reveal = reviewer || attempt.mode === 'practice' || 'ending' in state.at;
  const typed = await typedReplies(db, attempt);
  // A manager reviewing sees the authored ids; the learner sees the ids their turns showed.
  const ids = (nodeId: string, choiceId: string) => (reviewer ? choiceId : publicId(attempt.mode, attempt.shuffleSeed, nodeId, choiceId));
  return {
    attemptId: attempt.id,
    scenarioId: attempt.scenarioId,
    mode: attempt.mode,
    status: attempt.status,
    seq: attempt.choiceIds.length,
    mood: state.mood,
    turn: turnOf(v.definition, state, attempt.shuffleSeed, attempt.mode),
    ending: endingOf(v, state, ids),
    freeText: attempt.mode === 'practice' || v.definition.freeText,
    transcript: state.steps.map((st, i) => {
      const node = v.definition.nodes[st.nodeId]!;
      const choice = node.choices.find((c) => c.id === st.choiceId)!;
      const reply = typed.get(i);
      return {
        seq: i,
        nodeId: st.nodeId,
        customer: node.customer,
        choiceId: ids(st.nodeId, st.choiceId),
        say: reply ? reply.text : choice.say,
        moodAfter: st.moodAfter,
        ...(reveal ? { feedback: choice.feedback, scores: st.scores } : {}),
        ...(reply ? { reply: replyView(v, st.nodeId, st.choiceId, reply, reveal, ids(st.nodeId, st.choiceId)) } : {}),
      };
    }),
  };
}

// Recording a decision: one entry point for the route, which takes the one-statement path when it can and the full path otherwise.
import type { Db } from '@/db/client';
import type { SessionClaims } from '@/lib/auth/access';
import { HttpError } from '@/lib/http-error';
import { replay } from '@/lib/scenario/replay';
import { loadVersion, playing, versions, type LiveAttempt } from './cache';
import { earlierOf, normalizeReply } from './coach';
import { findAttempt, notFound, probed, typedReplies } from './read';
import { recordNext } from './record';
import type { DecisionAnswer, DecisionInput } from './types';
import { answerFor, authoredId, type TypedReply } from './view';

/**
 * A decision as the API takes it. The usual one is checked against the session inside its one
 * write; any other (a repeat, a conflict, a stale or missing cache entry, an ended session) first
 * passes `fullCheck` and then reads the attempt. `fullCheck` is the caller's because confirming a
 * session reads the request (cookies), which this module never sees; it throws to refuse.
 */
export async function decide(
  db: Db,
  session: SessionClaims,
  attemptId: string,
  input: DecisionInput,
  fullCheck: () => Promise<{ id: string }>,
): Promise<DecisionAnswer> {
  const usual = await decideOnUsualPath(db, session, attemptId, input);
  if (usual) return usual;
  const user = await fullCheck();
  return decideAttempt(db, user.id, attemptId, input);
}

/**
 * Records one decision. The same (seq, choiceId) or (seq, reply) sent again returns the same
 * answer and stores nothing; a different choice or reply for a recorded seq, a seq that skips
 * ahead, or any decision after the ending is a 409; a choice not on offer is a 400.
 *
 * One read, then the one statement of `recordNext`. A request that loses the race reads again
 * and answers as a repeat or a conflict; no lock or explicit transaction is needed.
 */
export async function decideAttempt(
  db: Db,
  userId: string,
  attemptId: string,
  input: DecisionInput,
  retried = false,
): Promise<DecisionAnswer> {
  const attempt = await findAttempt(db, attemptId);
  // Someone else's attempt is indistinguishable from a missing one (and the asking is audited).
  if (!attempt) throw notFound();
  if (attempt.userId !== userId) throw await probed(db, userId, attemptId);
  const v = await loadVersion(db, attempt.contentHash);
  const ids = attempt.choiceIds;
  const replies = attempt.replyScores;

  // Typed replies are read from the log only when the attempt has any.
  const typedSoFar = Object.keys(replies).length > 0 ? await typedReplies(db, attempt) : new Map<number, TypedReply>();
  if (input.seq < ids.length) {
    const typed = typedSoFar.get(input.seq);
    const state = replay(v.definition, v.personaMood, ids.slice(0, input.seq + 1), replies).state;
    const asked = input.choiceId === undefined ? undefined : authoredId(v, attempt.mode, attempt.shuffleSeed, state.steps[input.seq]!.nodeId, input.choiceId);
    const same = input.reply !== undefined ? typed?.text === normalizeReply(input.reply) : !typed && ids[input.seq] === asked;
    if (!same) throw new HttpError(409, `Decision ${input.seq} was already recorded with a different ${typed ? 'reply' : 'choice'}.`);
    return answerFor(v, attempt.mode, state, input.seq, attempt.shuffleSeed, typed);
  }
  if (attempt.status !== 'in_progress') throw new HttpError(409, 'This attempt has already ended.');
  if (input.seq > ids.length) {
    throw new HttpError(409, `Decision ${input.seq} skips ahead: the next decision is ${ids.length}.`);
  }
  const earlier = [...typedSoFar.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => earlierOf(r));
  const live: LiveAttempt = { userId, contentHash: attempt.contentHash, mode: attempt.mode, shuffleSeed: attempt.shuffleSeed, choiceIds: ids, replies, earlier };
  const answer = await recordNext(db, attemptId, live, v, input);
  if (answer) return answer;
  // Another request recorded this seq first: answer as it now stands.
  if (retried) throw new Error(`decision ${input.seq} of attempt ${attemptId} could not be recorded`);
  return decideAttempt(db, userId, attemptId, input, true);
}

/**
 * The usual path of a decision, in one statement and without reading the attempt first: only for
 * the next decision of an attempt this process has seen, and only if the session is still valid.
 * Null means "not decided here": `decide` then runs the full check and `decideAttempt`, which
 * gives every other case (a repeat, a conflict, an ended session, a stale entry) its answer.
 */
export async function decideOnUsualPath(db: Db, session: SessionClaims, attemptId: string, input: DecisionInput): Promise<DecisionAnswer | null> {
  const live = playing.get(attemptId);
  if (!live || live.userId !== session.uid || input.seq !== live.choiceIds.length) return null;
  const v = versions.get(live.contentHash);
  if (!v) return null;
  return recordNext(db, attemptId, live, v, input, session);
}

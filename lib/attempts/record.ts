// The one SQL statement that writes a decision, so the session check, the race on (attempt, seq) and the totals cannot drift apart.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { assignments, attempts, decisions, sessions } from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/access';
import { sessionPolicy, sessionValidSql } from '@/lib/auth/sessions';
import { HttpError } from '@/lib/http-error';
import { isUuid } from '@/lib/ids';
import { scoreState } from '@/lib/scenario/analysis';
import { InvalidChoiceError } from '@/lib/scenario/engine';
import { replay, type Replayed } from '@/lib/scenario/replay';
import { playing, type LiveAttempt, type Version } from './cache';
import { earlierOf, resolve } from './coach';
import type { DecisionAnswer, DecisionInput } from './types';
import { answerFor } from './view';
import { queuedStatements } from './xapi';

/**
 * Inserts decision `seq` and advances the attempt's running totals in one statement, only if
 * nothing else has recorded this seq first (the (attempt, seq) key decides the race) and, when
 * `session` is given, only while that session's user is active and its version current.
 * Null when nothing was written; a choice not on offer is a 400.
 */
export async function recordNext(
  db: Db,
  attemptId: string,
  live: LiveAttempt,
  v: Version,
  input: DecisionInput,
  session?: SessionClaims,
): Promise<DecisionAnswer | null> {
  const base = live.replayed ?? replay(v.definition, v.personaMood, live.choiceIds, live.replies);
  const { choiceId, heard, text } = await resolve(v, live, base.state, input);
  const replies = heard ? { ...live.replies, [input.seq]: heard.score } : live.replies;
  let next: Replayed;
  try {
    next = replay(v.definition, v.personaMood, [...live.choiceIds, choiceId], replies, base);
  } catch (e) {
    if (e instanceof InvalidChoiceError) throw new HttpError(400, `"${input.choiceId ?? choiceId}" is not one of the choices on offer.`);
    throw e;
  }
  const state = next.state;
  const step = state.steps[input.seq]!;
  const endingId = 'ending' in state.at ? state.at.ending : null;
  const score = endingId ? scoreState(v.definition, v.analysis, state).overall : null;
  const outcome = endingId ? v.definition.endings[endingId]!.outcome : null;
  const sessionValid = session ? sessionValidSql(session, sessionPolicy()) : sql`true`;
  const queued = queuedStatements('advanced', { attemptId, live, v, before: base.state, after: state, seq: input.seq, choiceId, heard, text });

  const written = await queryRows<{ id: string }>(
    db,
    sql`with recorded as (
          insert into ${decisions} (attempt_id, seq, node_id, choice_id, elapsed_ms, mood_after, scores, reply_text, coach)
          select ${attemptId}, ${input.seq}, ${step.nodeId}, ${choiceId}, ${input.elapsedMs ?? null}, ${step.moodAfter}, ${JSON.stringify(step.scores)}::jsonb,
            ${text ?? null}, ${heard ? JSON.stringify(heard.coach) : null}::jsonb
          where ${sessionValid}
          on conflict do nothing
          returning seq
        ), advanced as (
        update ${attempts} set
          decision_count = ${input.seq + 1},
          choice_ids = array_append(choice_ids, ${choiceId}::text),
          reply_scores = reply_scores || ${JSON.stringify(heard ? { [input.seq]: heard.score } : {})}::jsonb,
          mood = ${state.mood},
          skill_scores = ${JSON.stringify(state.totals)}::jsonb,
          status = ${endingId ? 'completed' : 'in_progress'}::attempt_status,
          score = ${score},
          outcome = ${outcome},
          ending_id = ${endingId},
          finished_at = ${endingId ? sql`now()` : sql`null`}
        where id = ${attemptId} and decision_count = ${input.seq} and status = 'in_progress' and exists (select 1 from recorded)
        returning id, assignment_id
      ), assignment_done as (
        update ${assignments} set completed_at = now()
        where ${endingId ? sql`true` : sql`false`} and completed_at is null and id = (select assignment_id from advanced)
      ), touched as (
        -- A learner deep in a role-play is active: the decision keeps the session from going idle.
        update ${sessions} set last_seen_at = now()
        where ${session && isUuid(session.sid) ? sql`${sessions.id} = ${session.sid}` : sql`false`}
          and last_seen_at < now() - interval '60 seconds' and exists (select 1 from advanced)
      )${queued ?? sql``}
      select id from advanced`,
  );
  if (written.length === 0) {
    playing.delete(attemptId);
    return null;
  }
  if (endingId) playing.delete(attemptId);
  else {
    const earlier = heard && text ? [...live.earlier, earlierOf({ text, coach: heard.coach })] : live.earlier;
    playing.set(attemptId, { ...live, choiceIds: [...live.choiceIds, choiceId], replies, earlier, replayed: next });
  }
  return answerFor(v, live.mode, state, input.seq, live.shuffleSeed, heard && text ? { text, coach: heard.coach } : undefined);
}

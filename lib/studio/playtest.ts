// Playtesting a draft: the real engine and coach, in practice mode, from the start or any node, with nothing stored, so learners' progress and team reports never see it.
import type { Db } from '@/db/client';
import { HttpError } from '@/lib/http-error';
import type { Version } from '@/lib/attempts/cache';
import { earlierOf, resolve } from '@/lib/attempts/coach';
import type { AttemptView, DecisionAnswer, DecisionInput } from '@/lib/attempts/types';
import { answerFor, turnOf, type TypedReply } from '@/lib/attempts/view';
import { analyse } from '@/lib/scenario/analysis';
import { choicesAt, InvalidChoiceError, MOOD_MAX, MOOD_MIN, type ReplyScore } from '@/lib/scenario/engine';
import { replay } from '@/lib/scenario/replay';
import { lintDocument } from './check';
import { requireDocument } from './documents';

/** The id a playtest run answers with: it names no attempt, since none is stored. */
export const PLAYTEST_ID = 'playtest';

export interface PlaytestStart {
  /** The node to start at (a jump to test one branch); the scenario's start when left out. */
  from?: string;
  /** The customer's mood on arriving there; the scenario's opening mood when left out. */
  mood?: number;
}

/**
 * The saved draft as a version to play, starting where the author asked. Refused while the linter
 * finds a problem: the engine runs only scenarios it can trust, as it does for learners.
 */
export async function playtestVersion(db: Db, id: string, start: PlaytestStart): Promise<Version> {
  const doc = await requireDocument(db, 'scenario', id);
  const linted = lintDocument('scenario', id, doc.draft);
  if (!linted.scenario || !linted.persona || linted.problems.length > 0) {
    const n = linted.problems.length;
    throw new HttpError(409, `The draft has ${n} problem${n === 1 ? '' : 's'} the checker lists; fix ${n === 1 ? 'it' : 'them'} to playtest.`);
  }
  const s = linted.scenario;
  if (start.from !== undefined && !s.nodes[start.from]) throw new HttpError(400, `"${start.from}" is not a node of this scenario.`);
  if (start.mood !== undefined && (start.mood < MOOD_MIN || start.mood > MOOD_MAX)) throw new HttpError(400, `mood must be from ${MOOD_MIN} to ${MOOD_MAX}.`);
  // A jump is the same scenario with another start: everything after it plays as authored, and the score counts from there.
  const definition = { ...s, start: start.from ?? s.start, ...(start.mood !== undefined ? { mood: start.mood } : {}) };
  const analysis = analyse(definition, linted.persona.mood);
  return { definition, personaMood: linted.persona.mood, personaName: linted.persona.name, analysis, scoredSkills: new Set(Object.keys(analysis.skills)) };
}

/** The opening of a playtest, shaped as the player reads a fresh practice attempt. */
export function playtestView(id: string, v: Version): AttemptView {
  const state = replay(v.definition, v.personaMood, []).state;
  return { attemptId: PLAYTEST_ID, scenarioId: id, mode: 'practice', status: 'in_progress', seq: 0, mood: state.mood, turn: turnOf(v.definition, state, 0, 'practice'), freeText: true, transcript: [] };
}

/**
 * Plays every decision so far again (typed ones through the coach, as for a learner) and answers
 * the last one as practice mode does. The browser keeps the list; the server keeps nothing.
 */
export async function playtestDecisions(v: Version, inputs: DecisionInput[]): Promise<DecisionAnswer> {
  if (inputs.length === 0) throw new HttpError(400, 'steps: send at least one decision.');
  const choiceIds: string[] = [];
  const replies: Record<number, ReplyScore> = {};
  const earlier: TypedReply[] = [];
  let typed: TypedReply | undefined;
  for (const [seq, input] of inputs.entries()) {
    if (input.seq !== seq) throw new HttpError(400, `steps: decision ${seq} is numbered ${input.seq}.`);
    const before = replay(v.definition, v.personaMood, choiceIds, replies);
    if (before.ending) throw new HttpError(409, 'The conversation had already ended.');
    const live = { userId: '', contentHash: '', mode: 'practice' as const, shuffleSeed: 0, choiceIds, replies, earlier: earlier.map(earlierOf) };
    const { choiceId, heard, text } = await resolve(v, live, before.state, input);
    if (!choicesAt(v.definition, before.state).some((c) => c.id === choiceId)) {
      throw new HttpError(400, `"${input.choiceId ?? choiceId}" is not one of the choices on offer.`);
    }
    choiceIds.push(choiceId);
    typed = heard && text !== undefined ? { text, coach: heard.coach } : undefined;
    if (heard) replies[seq] = heard.score;
    if (typed) earlier.push(typed);
  }
  try {
    const state = replay(v.definition, v.personaMood, choiceIds, replies).state;
    return answerFor(v, 'practice', state, inputs.length - 1, 0, typed);
  } catch (e) {
    if (e instanceof InvalidChoiceError) throw new HttpError(400, e.message);
    throw e;
  }
}

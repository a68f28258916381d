// Playtests: the real engine and coach in practice mode, with nothing stored, so learners' progress and team reports never see them.
import { HttpError } from '@/lib/http-error';
import type { Version } from './cache';
import { earlierOf, resolve } from './coach';
import type { AttemptView, DecisionAnswer, DecisionInput } from './types';
import { answerFor, turnOf, type TypedReply } from './view';
import { analyse } from '@/lib/scenario/analysis';
import { choicesAt, InvalidChoiceError, type ReplyScore } from '@/lib/scenario/engine';
import { replay } from '@/lib/scenario/replay';
import type { Persona, ScenarioDefinition } from '@/lib/scenario/schema';

/** The id a playtest run answers with: it names no attempt, since none is stored. */
export const PLAYTEST_ID = 'playtest';

/** A scenario to playtest (a studio draft) as a version the engine plays, analysed here and kept nowhere. */
export function playtestVersion(definition: ScenarioDefinition, persona: Persona): Version {
  const analysis = analyse(definition, persona.mood);
  return { definition, personaMood: persona.mood, personaName: persona.name, analysis, scoredSkills: new Set(Object.keys(analysis.skills)) };
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

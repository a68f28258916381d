// Shapes turns, answers and endings for the API, so each mode shows the learner only what it allows.
import crypto from 'node:crypto';
import type { StoredCoach } from '@/lib/coach/nodes';
import { stableShuffle } from '@/lib/shuffle';
import { scoreState } from '@/lib/scenario/analysis';
import { choicesAt, rawTotal, type PlayState } from '@/lib/scenario/engine';
import type { ScenarioDefinition } from '@/lib/scenario/schema';
import type { Version } from './cache';
import type { DecisionAnswer, EndingView, Mode, ReplyView, Turn } from './types';

/** A typed reply as stored: the words and what the coach found in them. */
export interface TypedReply {
  text: string;
  coach: StoredCoach;
}

/**
 * The id a check-up shows for a choice: opaque (says nothing about its quality), different in
 * every attempt, the same on resume. Practice shows the authored id, since its feedback tells all.
 */
export function publicId(mode: Mode, seed: number, nodeId: string, choiceId: string): string {
  if (mode === 'practice') return choiceId;
  return `c${crypto.createHash('sha256').update(`choice:${seed}:${nodeId}:${choiceId}`).digest('hex').slice(0, 10)}`;
}

/** The authored choice a public id names at a node; an id that names none (an authored one included) is no choice at all. */
export function authoredId(v: Version, mode: Mode, seed: number, nodeId: string, id: string): string {
  if (mode === 'practice') return id;
  return v.definition.nodes[nodeId]?.choices.find((c) => publicId(mode, seed, nodeId, c.id) === id)?.id ?? NO_CHOICE;
}
// Not a valid choice id (ids are kebab-case), so the engine refuses it as not on offer.
const NO_CHOICE = '(none)';

/** A stable shuffle of a node's choices for one attempt. */
const shuffled = <T extends { id: string }>(items: T[], seed: number, nodeId: string): T[] => stableShuffle(items, `${seed}:${nodeId}`, (c) => c.id);

export function turnOf(s: ScenarioDefinition, state: PlayState, seed: number, mode: Mode): Turn | undefined {
  if (!('node' in state.at)) return undefined;
  const nodeId = state.at.node;
  const node = s.nodes[nodeId]!;
  return {
    nodeId,
    customer: node.customer,
    ...(node.cue ? { cue: node.cue } : {}),
    mood: state.mood,
    choices: shuffled(choicesAt(s, state), seed, nodeId).map((c) => ({ id: publicId(mode, seed, nodeId, c.id), say: c.say })),
  };
}

export function endingOf(v: Version, state: PlayState, ids: (nodeId: string, choiceId: string) => string): EndingView | undefined {
  if (!('ending' in state.at)) return undefined;
  const e = v.definition.endings[state.at.ending]!;
  return {
    id: state.at.ending,
    outcome: e.outcome,
    customer: e.customer,
    summary: e.summary,
    score: scoreState(v.definition, v.analysis, state),
    passScore: v.definition.passScore,
    bestPath: bestPathOf(v).map((b) => ({ ...b, choiceId: ids(b.nodeId, b.choiceId) })),
  };
}

function bestPathOf(v: Version): EndingView['bestPath'] {
  return v.analysis.bestState.steps.map((st) => ({
    nodeId: st.nodeId,
    choiceId: st.choiceId,
    say: v.definition.nodes[st.nodeId]!.choices.find((c) => c.id === st.choiceId)!.say,
  }));
}

/**
 * The best reply at every node: the best path's choice where the best path passes, elsewhere the
 * choice with the highest total skill score, so a learner who left the best path still sees what
 * would have been best where they actually were.
 */
export function bestChoiceAt(v: Version): Record<string, { choiceId: string; say: string }> {
  const out: Record<string, { choiceId: string; say: string }> = {};
  for (const [nodeId, node] of Object.entries(v.definition.nodes)) {
    const top = node.choices.reduce((a, c) => (rawTotal(c.scores) > rawTotal(a.scores) ? c : a));
    out[nodeId] = { choiceId: top.id, say: top.say };
  }
  for (const b of bestPathOf(v)) out[b.nodeId] = { choiceId: b.choiceId, say: b.say };
  return out;
}

export function replyView(v: Version, nodeId: string, choiceId: string, typed: TypedReply, reveal: boolean, shownId = choiceId): ReplyView {
  const say = v.definition.nodes[nodeId]!.choices.find((c) => c.id === choiceId)!.say;
  return {
    text: typed.text,
    heardAs: { choiceId: shownId, say },
    ...(reveal ? { findings: typed.coach.findings, suggestion: typed.coach.suggestion } : {}),
  };
}

/** The answer for decision `seq`, as the learner's mode allows them to see it. */
export function answerFor(v: Version, mode: Mode, state: PlayState, seq: number, seed: number, typed?: TypedReply): DecisionAnswer {
  const step = state.steps[seq]!;
  const choice = v.definition.nodes[step.nodeId]!.choices.find((c) => c.id === step.choiceId)!;
  const ended = 'ending' in state.at;
  const reveal = mode === 'practice';
  const ids = (nodeId: string, choiceId: string) => publicId(mode, seed, nodeId, choiceId);
  return {
    seq,
    mood: step.moodAfter,
    ...(reveal ? { feedback: choice.feedback, scores: step.scores } : {}),
    ...(typed ? { reply: replyView(v, step.nodeId, step.choiceId, typed, reveal, ids(step.nodeId, step.choiceId)) } : {}),
    ...(ended ? { ending: endingOf(v, state, ids) } : { turn: turnOf(v.definition, state, seed, mode) }),
  };
}

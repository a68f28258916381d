// The scenario's rules as pure functions: one decision's effect on mood, scores and open clues, and scoring.
import type { Choice, ScenarioDefinition } from './schema';

export const MOOD_MIN = -5;
export const MOOD_MAX = 5;

/** A clue the customer revealed at a node that no empathetic reply has answered yet. */
export interface OpenClue {
  nodeId: string;
  clue: string;
  /** Index of the decision made at the clue's node. */
  openedAt: number;
}

export interface Step {
  nodeId: string;
  choiceId: string;
  moodAfter: number;
  /** Skill changes from this decision, including timing awarded by the engine. */
  scores: Record<string, number>;
}

export interface PlayState {
  /** The node the customer is at, or the ending reached. */
  at: { node: string } | { ending: string };
  mood: number;
  totals: Record<string, number>;
  openClues: OpenClue[];
  steps: Step[];
}

/**
 * How a typed reply scored, in place of its matched choice's authored scores: the conversation
 * still follows the matched choice (mood and next), the rubric follows what was actually said.
 */
export interface ReplyScore {
  scores: Record<string, number>;
  empathy: boolean;
}

export class InvalidChoiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidChoiceError';
  }
}

export const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** Timing earned for answering a clue `late` decisions after it appeared. */
export function timingFor(late: number): number {
  return late <= 0 ? 2 : late === 1 ? 1 : 0;
}
export const UNANSWERED_CLUE_PENALTY = -2;

export function initialState(s: ScenarioDefinition, personaMood: number): PlayState {
  return { at: { node: s.start }, mood: clamp(s.mood ?? personaMood, MOOD_MIN, s.moodCeiling ?? MOOD_MAX), totals: {}, openClues: [], steps: [] };
}

function add(into: Record<string, number>, skill: string, n: number) {
  if (n !== 0 || skill in into) into[skill] = (into[skill] ?? 0) + n;
}

/** The choices on offer now (none once an ending is reached). */
export function choicesAt(s: ScenarioDefinition, state: PlayState): Choice[] {
  return 'node' in state.at ? (s.nodes[state.at.node]?.choices ?? []) : [];
}

/**
 * Applies one decision. Pure: returns a new state. Throws InvalidChoiceError for a choice that is
 * not on offer (or any choice after the ending), never ignoring it.
 */
export function decide(s: ScenarioDefinition, state: PlayState, choiceId: string, reply?: ReplyScore): PlayState {
  if (!('node' in state.at)) throw new InvalidChoiceError(`The conversation has ended ("${state.at.ending}"); no more choices.`);
  const nodeId = state.at.node;
  const node = s.nodes[nodeId]!;
  const choice = node.choices.find((c) => c.id === choiceId);
  if (!choice) {
    throw new InvalidChoiceError(`"${choiceId}" is not a choice at "${nodeId}" (on offer: ${node.choices.map((c) => c.id).join(', ')}).`);
  }
  const index = state.steps.length;
  const delta: Record<string, number> = {};
  for (const [skill, n] of Object.entries(reply ? reply.scores : choice.scores)) add(delta, skill, n);

  let open = node.clue ? [...state.openClues, { nodeId, clue: node.clue, openedAt: index }] : [...state.openClues];
  if ((reply ? reply.empathy : choice.empathy) && open.length > 0) {
    for (const c of open) add(delta, 'timing', timingFor(index - c.openedAt));
    open = [];
  }

  const mood = clamp(state.mood + choice.mood, MOOD_MIN, s.moodCeiling ?? MOOD_MAX);
  const rule = s.rules.find((r) => ('moodAtMost' in r.when ? mood <= r.when.moodAtMost : mood >= r.when.moodAtLeast));
  const target = arrive(s, rule ? rule.goto : choice.next, mood);
  const at = s.endings[target] ? { ending: target } : { node: target };

  if ('ending' in at) {
    for (let i = 0; i < open.length; i++) add(delta, 'timing', UNANSWERED_CLUE_PENALTY);
    open = [];
  }
  const totals = { ...state.totals };
  for (const [skill, n] of Object.entries(delta)) add(totals, skill, n);
  return { at, mood, totals, openClues: open, steps: [...state.steps, { nodeId, choiceId, moodAfter: mood, scores: delta }] };
}

/** Where a path arriving at `target` with this mood lands: an ending that needs a better mood passes it on. */
export function arrive(s: ScenarioDefinition, target: string, mood: number): string {
  // The linter refuses chains that loop; the bound only guards an unlinted definition.
  for (let hops = 0; hops < 8; hops++) {
    const e = s.endings[target];
    if (!e || e.moodAtLeast === undefined || !e.otherwise || mood >= e.moodAtLeast) return target;
    target = e.otherwise;
  }
  return target;
}

/** The sum over skills: what "best path" maximises. */
export type MoodBand = 'furious' | 'upset' | 'neutral' | 'warm' | 'delighted';

/** The five moods a customer shows, from the -5…5 mood scale. */
export function moodBand(mood: number): MoodBand {
  if (mood <= -4) return 'furious';
  if (mood <= -2) return 'upset';
  if (mood <= 1) return 'neutral';
  if (mood <= 3) return 'warm';
  return 'delighted';
}

export function rawTotal(totals: Record<string, number>): number {
  return Object.values(totals).reduce((a, b) => a + b, 0);
}

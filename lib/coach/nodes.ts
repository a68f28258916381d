// A scenario node as the empathy coach sees it: the authored choices and the context a reply there is read in.
import type { LoadedScenario } from '@/lib/scenario/analysis';
import { InvalidChoiceError, rawTotal, type PlayState, type ReplyScore } from '@/lib/scenario/engine';
import { GOOD_NEWS } from '@/lib/scenario/fits';
import type { Choice, ScenarioDefinition } from '@/lib/scenario/schema';
import { analyzeReply, clueOf, degenerate, detectIn, inTurn, type ReplyContext, type Turn } from './analyze';
import { contextIds } from './context';
import { nearestChoice, type AuthoredChoice } from './match';
import { spreadOver } from './relevance';

export interface NodeForMapping {
  choices: AuthoredChoice[];
  context: ReplyContext;
}

/**
 * The node's choices (with their `examples:`) and the coach's context there. `openClue` is a
 * feeling still unanswered from an earlier node, used when this node reveals none of its own.
 */
export function nodeForCoach(s: ScenarioDefinition, customerName: string, nodeId: string, openClue?: string): NodeForMapping | undefined {
  const node = s.nodes[nodeId];
  if (!node) return undefined;
  return {
    choices: node.choices,
    context: { customerName, channel: s.channel, clue: clueOf(node.clue ?? openClue), customerLine: node.customer },
  };
}

export function coachNode(loaded: LoadedScenario | undefined, nodeId: string): NodeForMapping | undefined {
  return loaded ? nodeForCoach(loaded.scenario, loaded.persona.name, nodeId) : undefined;
}

/** An earlier typed reply of the same attempt, as the coach needs it to spot a pasted answer or a second story. */
export interface EarlierReply {
  text: string;
  detectors: readonly string[];
}

const goodNewsAt = new WeakMap<ScenarioDefinition, Set<string>>();
/**
 * The nodes at which the customer has shared good news by then: a good-news clue there or at a node
 * that can lead there. Path-independent, so it reads the same in play and in evaluation.
 */
function goodNewsBy(s: ScenarioDefinition): Set<string> {
  let hit = goodNewsAt.get(s);
  if (hit) return hit;
  hit = new Set<string>();
  const stack = Object.entries(s.nodes).filter(([, n]) => n.clue && GOOD_NEWS.has(n.clue)).map(([id]) => id);
  while (stack.length) {
    const id = stack.pop()!;
    if (hit.has(id) || !s.nodes[id]) continue;
    hit.add(id);
    for (const c of s.nodes[id]!.choices) stack.push(c.next);
  }
  goodNewsAt.set(s, hit);
  return hit;
}

const backgrounds = new WeakMap<ScenarioDefinition, Map<string, string[]>>();
/** What a turn stands on: the customer's lines at every node that can lead to it. */
function backgroundOf(s: ScenarioDefinition, nodeId: string): string[] {
  let byNode = backgrounds.get(s);
  if (!byNode) backgrounds.set(s, (byNode = new Map()));
  let hit = byNode.get(nodeId);
  if (hit) return hit;
  const before = new Set<string>();
  const stack = [nodeId];
  while (stack.length) {
    const id = stack.pop()!;
    for (const [from, n] of Object.entries(s.nodes)) {
      if (!before.has(from) && n.choices.some((c) => c.next === id)) {
        before.add(from);
        stack.push(from);
      }
    }
  }
  hit = [...before].map((id) => s.nodes[id]!.customer);
  byNode.set(nodeId, hit);
  return hit;
}

const spreads = new WeakMap<ScenarioDefinition, (w: string) => number>();
/** How widely each word is said across the story's turns (the customer's line and the authored replies at each). */
function spreadIn(s: ScenarioDefinition): (w: string) => number {
  let hit = spreads.get(s);
  if (!hit) {
    const turns = Object.values(s.nodes).filter((n) => n.choices.length > 0).map((n) => [n.customer, ...n.choices.map((c) => c.say)]);
    spreads.set(s, (hit = spreadOver(turns)));
  }
  return hit;
}

/** The turn a reply at this node answers, as the coach judges it (none for versions stored before nodes said). */
export function turnAt(s: ScenarioDefinition, customerName: string, state: PlayState, earlier: readonly EarlierReply[], scored?: ReadonlySet<string>): Turn | undefined {
  if (!('node' in state.at)) return undefined;
  const node = s.nodes[state.at.node]!;
  if (!node.about) return undefined;
  return {
    facts: node.about.facts,
    asks: node.about.asks,
    fits: node.about.fits,
    customerLine: node.customer,
    background: backgroundOf(s, state.at.node),
    options: node.choices.map((c) => c.say),
    spread: spreadIn(s),
    customerName,
    goodNews: goodNewsBy(s).has(state.at.node),
    firstName: customerName.split(/\s+/)[0] ?? customerName,
    feeling: node.clue,
    feelingOpen: Boolean(node.clue ?? state.openClues.at(-1)),
    earlier,
    scored,
  };
}

/**
 * A typed reply never scores more than the best authored choice at its node: positive points are
 * taken back, largest first, until its total is no higher.
 */
export function capAtBest(scores: Record<string, number>, choices: readonly Choice[]): Record<string, number> {
  const best = Math.max(...choices.map((c) => rawTotal(c.scores)));
  const out = { ...scores };
  let over = rawTotal(out) - Math.max(0, best);
  while (over > 0) {
    const top = Object.entries(out).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1])[0];
    if (!top) break;
    out[top[0]] = top[1] - 1;
    if (out[top[0]] === 0) delete out[top[0]];
    over--;
  }
  return out;
}

/**
 * How close (0…1, nearestChoice's similarity) a reply must be to an authored choice to count as saying
 * the same thing, and be scored as its author scored it (ADR 14).
 */
export const SAYS_THE_SAME = 0.7;

/** What the coach found in a typed reply, as stored with its decision (the schema's decisions.coach column). */
export interface StoredCoach {
  /** `scored` is false for a skill this scenario does not score: shown, but not counted. */
  findings: { detector: string; skill: string; delta: number; spans: { start: number; end: number }[]; note: string; scored?: boolean }[];
  suggestion: string;
  /** 0…1: how close the reply was to the choice it was heard as. */
  similarity: number;
}

/** A typed reply as the scenario hears it: the choice it follows, its rubric score, what the coach found. */
export interface HeardReply {
  choiceId: string;
  score: ReplyScore;
  coach: StoredCoach;
}

/**
 * Runs the coach on a reply typed at the state's node. Scores count only on skills this scenario
 * scores (`scoredSkills`), so a typed reply is marked on the same rubric as the authored choices;
 * timing stays the engine's to award.
 */
export function hearReply(
  s: ScenarioDefinition,
  customerName: string,
  state: PlayState,
  text: string,
  scoredSkills: ReadonlySet<string>,
  earlier: readonly EarlierReply[] = [],
): HeardReply {
  if (!('node' in state.at)) throw new InvalidChoiceError('The conversation has ended; no more replies.');
  const n = nodeForCoach(s, customerName, state.at.node, state.openClues.at(-1)?.clue)!;
  const base = detectIn(text, n.context);
  // A degenerate reply still moves the conversation on; its first words are as good as any for that.
  const match = nearestChoice(degenerate(text) ? text.slice(0, 200) : text, n.choices, n.context, base);
  const choice = s.nodes[state.at.node]!.choices.find((c) => c.id === match.choiceId)!;
  const close = match.similarity >= SAYS_THE_SAME;
  const turn = turnAt(s, customerName, state, earlier, scoredSkills);
  const analysis = turn ? inTurn(base, n.context, { ...turn, closeToAuthored: close }) : base;
  const j = analysis.judgement;
  const scores: Record<string, number> = {};
  let empathy = analysis.empathy;
  if (close) {
    // The reply says what the authored choice says: it scores as the author scored it, less what the turn
    // counts against it (a paste of an earlier reply, an echo, a move that misfits).
    const voided = j !== undefined && (j.repeats || j.parrots);
    for (const [skill, delta] of Object.entries(choice.scores)) if (!voided || delta < 0) scores[skill] = delta;
    for (const f of analysis.findings) {
      if ((contextIds as readonly string[]).includes(f.detector) && f.delta < 0 && scoredSkills.has(f.skill)) scores[f.skill] = (scores[f.skill] ?? 0) + f.delta;
    }
    empathy = Boolean(choice.empathy) && !voided;
  } else {
    for (const [skill, delta] of Object.entries(analysis.scores)) if (scoredSkills.has(skill) && skill !== 'timing') scores[skill] = delta;
  }
  return {
    choiceId: match.choiceId,
    score: { scores: capAtBest(scores, s.nodes[state.at.node]!.choices), empathy },
    coach: { findings: analysis.findings.map((f) => ({ ...f, scored: scoredSkills.has(f.skill) })), suggestion: analysis.suggestion, similarity: Math.round(match.similarity * 1000) / 1000 },
  };
}

/**
 * The coach's context and turn for a reply at a node, reached by any path: the node's own clue is
 * the open feeling, and the earlier replies are read for what they did (a story already told).
 */
export function contextAt(loaded: LoadedScenario | undefined, nodeId: string, earlierTexts: readonly string[] = []): { context: NodeForMapping['context']; turn: Turn } | undefined {
  const n = coachNode(loaded, nodeId);
  if (!loaded || !n) return undefined;
  const earlier = earlierTexts.map((text) => ({ text, detectors: analyzeReply(text, n.context).findings.map((f) => f.detector) }));
  const state: PlayState = { at: { node: nodeId }, mood: 0, totals: {}, openClues: [], steps: [] };
  const turn = turnAt(loaded.scenario, loaded.persona.name, state, earlier, new Set(loaded.scenario.skills));
  return turn ? { context: n.context, turn } : undefined;
}

let warmed = false;
/** Loads the language model ahead of the first typed reply, so that reply is not the one to wait for it. */
export function warmCoach(): void {
  if (warmed) return;
  warmed = true;
  analyzeReply('Thanks for waiting.', { customerName: 'Sam', channel: 'chat', clue: null });
}

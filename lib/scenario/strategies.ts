// Strategies that ignore the customer (longest option, the one with their name, random…), played exactly over every path.
import { scoreState, type Analysis } from './analysis';
import { decide, initialState, rawTotal, type PlayState } from './engine';
import type { Choice, ScenarioDefinition, ScenarioNode } from './schema';

/** What a strategy may look at: the options' words, never their scores or where they lead. */
export interface Table {
  node: ScenarioNode;
  firstName: string;
}

export interface PickStrategy {
  id: string;
  /** Weights over `node.choices` (ties get equal weight: a learner breaking them at random). */
  weights(t: Table): number[];
}

export interface StrategyResult {
  /** Expected overall score, 0–100. */
  score: number;
  /** Probability that the attempt passes (pass mark and an ending that is not a failure). */
  pass: number;
}

// ---- Surface tells a learner could read without reading the customer -------------------------------

const len = (c: Choice) => c.say.length;

/** Weight 1 on each option at the given positions of the longest-first order; equal lengths share. */
function byLengthRank(choices: Choice[], positions: (n: number) => number[]): number[] {
  const sorted = [...choices].sort((a, b) => len(b) - len(a));
  const w = choices.map(() => 0);
  const want = positions(choices.length);
  for (const p of want) {
    const l = len(sorted[p]!);
    const same = choices.map((c, i) => (len(c) === l ? i : -1)).filter((i) => i >= 0);
    for (const i of same) w[i]! += 1 / same.length / want.length;
  }
  return w;
}

/** The middle ranks of n options (for two, neither is in the middle: either, at random). */
const middle = (n: number) => (n <= 2 ? Array.from({ length: n }, (_, i) => i) : Array.from({ length: n - 2 }, (_, i) => i + 1));

export interface Marker {
  id: string;
  label: string;
  test(say: string, firstName: string): boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const markers: Marker[] = [
  { id: 'name', label: "the customer's name", test: (say, first) => first.length > 0 && new RegExp(`\\b${escape(first)}\\b`, 'i').test(say) },
  { id: 'sorry', label: '"sorry"', test: (say) => /\b(?:sorry|apologi[sz]e)/i.test(say) },
  { id: 'i-will', label: `"I'll"`, test: (say) => /\b(?:I['’]ll|I will)\b/i.test(say) },
  { id: 'question', label: 'a question', test: (say) => say.includes('?') },
];

/** Uniform over the options carrying the marker; where none does, uniform over all. */
function carrying(m: Marker): PickStrategy['weights'] {
  return ({ node, firstName }) => {
    const has = node.choices.map((c) => (m.test(c.say, firstName) ? 1 : 0));
    const n = has.reduce<number>((a, b) => a + b, 0);
    return n > 0 ? has.map((h) => h / n) : node.choices.map(() => 1 / node.choices.length);
  };
}

export const pickStrategies: PickStrategy[] = [
  { id: 'longest', weights: ({ node }) => byLengthRank(node.choices, () => [0]) },
  { id: 'second-longest', weights: ({ node }) => byLengthRank(node.choices, (n) => [Math.min(1, n - 1)]) },
  { id: 'middle-length', weights: ({ node }) => byLengthRank(node.choices, middle) },
  { id: 'second-shortest', weights: ({ node }) => byLengthRank(node.choices, (n) => [Math.max(0, n - 2)]) },
  { id: 'shortest', weights: ({ node }) => byLengthRank(node.choices, (n) => [n - 1]) },
  ...markers.map((m) => ({ id: `has-${m.id}`, weights: carrying(m) })),
  { id: 'random', weights: ({ node }) => node.choices.map(() => 1 / node.choices.length) },
];

/**
 * Plays a strategy over every path it can take, weighting each by its probability, so a tie broken
 * at random counts as its expected value rather than as whichever option sorted first.
 */
export function playStrategy(s: ScenarioDefinition, a: Analysis, personaMood: number, firstName: string, strategy: PickStrategy): StrategyResult {
  let score = 0;
  let pass = 0;
  const walk = (state: PlayState, p: number) => {
    if ('ending' in state.at) {
      const r = scoreState(s, a, state);
      score += p * r.overall;
      if (r.passed) pass += p;
      return;
    }
    const node = s.nodes[state.at.node]!;
    const w = strategy.weights({ node, firstName });
    const sum = w.reduce((x, y) => x + y, 0);
    node.choices.forEach((c, i) => {
      if (w[i]! > 0) walk(decide(s, state, c.id), (p * w[i]!) / sum);
    });
  };
  walk(initialState(s, personaMood), 1);
  return { score, pass };
}

// ---- Statistics over the authored options -------------------------------------------------------------

/** What a choice is worth where it stands: its scores, and the timing it earns by answering this node's clue. */
export const choiceValue = (node: ScenarioNode, c: Choice) => rawTotal(c.scores) + (node.clue && c.empathy ? 2 : 0);

export interface TellStats {
  /** Per marker: options carrying it (where some but not all options at a point do), and how many of those are the best. */
  markers: Record<string, { carriers: number; best: number }>;
  /** Where the best option stands by length (longest first), summed over points; ties share. */
  lengthRank: { longest: number; middle: number; shortest: number };
  points: number;
  /** Points where some option other than the best earns credit on one skill while costing another. */
  partialCredit: number;
}

export function tellStats(scenarios: { scenario: ScenarioDefinition; firstName: string }[]): TellStats {
  const stats: TellStats = { markers: Object.fromEntries(markers.map((m) => [m.id, { carriers: 0, best: 0 }])), lengthRank: { longest: 0, middle: 0, shortest: 0 }, points: 0, partialCredit: 0 };
  for (const { scenario: s, firstName } of scenarios) {
    for (const node of Object.values(s.nodes)) {
      const values = node.choices.map((c) => choiceValue(node, c));
      const top = Math.max(...values);
      const best = node.choices.filter((_, i) => values[i] === top);
      stats.points++;
      for (const m of markers) {
        const carriers = node.choices.filter((c) => m.test(c.say, firstName));
        if (carriers.length === 0 || carriers.length === node.choices.length) continue;
        stats.markers[m.id]!.carriers += carriers.length;
        stats.markers[m.id]!.best += carriers.filter((c) => best.includes(c)).length;
      }
      const lengths = [...new Set(node.choices.map(len))].sort((x, y) => y - x);
      for (const b of best) {
        const rank = lengths.indexOf(len(b));
        const where = rank === 0 ? 'longest' : rank === lengths.length - 1 ? 'shortest' : 'middle';
        stats.lengthRank[where] += 1 / best.length;
      }
      const partial = node.choices.some((c, i) => values[i] !== top && Object.values(c.scores).some((v) => v > 0) && Object.values(c.scores).some((v) => v < 0));
      if (partial) stats.partialCredit++;
    }
  }
  return stats;
}

// Every way through a scenario: score bounds for 0–100 scaling, the best path, and path statistics.
import { choicesAt, decide, initialState, rawTotal, type PlayState } from './engine';
import type { Persona, ScenarioDefinition } from './schema';

export interface Analysis {
  paths: number;
  /** Decisions on the path with the highest total score (first found on ties). */
  bestPath: string[];
  bestState: PlayState;
  raw: { min: number; max: number };
  /** Each scored skill's lowest and highest possible total over all paths. */
  skills: Record<string, { min: number; max: number }>;
  endings: Record<string, number>;
  /** Per ending reached: the lowest raw total and the lowest customer mood of any path that reaches it. */
  floors: Record<string, { raw: number; mood: number }>;
  /** The most decisions any path takes. */
  longest: number;
}

export const MAX_PATHS = 200_000;

export class TooManyPathsError extends Error {}

/** Everything the analysis needs about the paths onward from one state, summed over them. */
interface Onward {
  paths: number;
  best: { raw: number; path: string[] };
  raw: { min: number; max: number };
  skills: Record<string, { min: number; max: number }>;
  endings: Record<string, { count: number; raw: number; mood: number }>;
  longest: number;
}

/**
 * The paths are counted, not walked: what can still happen depends only on the node, the mood and
 * how long each open clue has waited, so each such state is solved once and the totals add up.
 * A scenario with tens of thousands of paths is analysed in milliseconds, on every process start.
 */
export function analyse(s: ScenarioDefinition, personaMood: number): Analysis {
  const memo = new Map<string, Onward>();
  const onGoing = new Set<string>();
  // A state with the clues' ages as offsets from decision 0, so equal futures share one key.
  const solve = (node: string, mood: number, ages: number[]): Onward => {
    const key = `${node}|${mood}|${ages.join(',')}`;
    const known = memo.get(key);
    if (known) return known;
    if (onGoing.has(key)) throw new TooManyPathsError(`a path that comes back to "${node}" in the same state, so it never ends`);
    onGoing.add(key);
    const here: PlayState = { at: { node }, mood, totals: {}, openClues: ages.map((a) => ({ nodeId: node, clue: '', openedAt: -a })), steps: [] };
    const edges = choicesAt(s, here).map((c) => {
      const next = decide(s, here, c.id);
      const delta = next.steps[0]!.scores;
      const onward: Onward =
        'ending' in next.at
          ? { paths: 1, best: { raw: 0, path: [] }, raw: { min: 0, max: 0 }, skills: {}, endings: { [next.at.ending]: { count: 1, raw: 0, mood: next.mood } }, longest: 0 }
          : solve(next.at.node, next.mood, next.openClues.map((o) => 1 - o.openedAt));
      return { id: c.id, delta, raw: rawTotal(delta), onward };
    });
    const out: Onward = { paths: 0, best: { raw: -Infinity, path: [] }, raw: { min: Infinity, max: -Infinity }, skills: {}, endings: {}, longest: 0 };
    const skillNames = new Set(edges.flatMap((e) => [...Object.keys(e.delta), ...Object.keys(e.onward.skills)]));
    for (const e of edges) {
      const o = e.onward;
      out.paths += o.paths;
      if (out.paths > MAX_PATHS) throw new TooManyPathsError(`more than ${MAX_PATHS} paths`);
      // Strictly greater keeps the first best path in choice order, as a learner reading top-down finds it.
      if (e.raw + o.best.raw > out.best.raw) out.best = { raw: e.raw + o.best.raw, path: [e.id, ...o.best.path] };
      out.raw.min = Math.min(out.raw.min, e.raw + o.raw.min);
      out.raw.max = Math.max(out.raw.max, e.raw + o.raw.max);
      for (const k of skillNames) {
        const d = e.delta[k] ?? 0;
        const b = (out.skills[k] ??= { min: Infinity, max: -Infinity });
        b.min = Math.min(b.min, d + (o.skills[k]?.min ?? 0));
        b.max = Math.max(b.max, d + (o.skills[k]?.max ?? 0));
      }
      for (const [id, f] of Object.entries(o.endings)) {
        const into = (out.endings[id] ??= { count: 0, raw: Infinity, mood: Infinity });
        into.count += f.count;
        into.raw = Math.min(into.raw, e.raw + f.raw);
        into.mood = Math.min(into.mood, f.mood);
      }
      out.longest = Math.max(out.longest, 1 + o.longest);
    }
    onGoing.delete(key);
    memo.set(key, out);
    return out;
  };

  const start = initialState(s, personaMood);
  if (!('node' in start.at)) throw new Error('a scenario starts at a node');
  const all = solve(start.at.node, start.mood, []);
  let bestState = start;
  for (const id of all.best.path) bestState = decide(s, bestState, id);
  return {
    paths: all.paths,
    bestPath: all.best.path,
    bestState,
    raw: all.raw,
    skills: all.skills,
    endings: Object.fromEntries(Object.entries(all.endings).map(([id, e]) => [id, e.count])),
    floors: Object.fromEntries(Object.entries(all.endings).map(([id, e]) => [id, { raw: e.raw, mood: e.mood }])),
    longest: all.longest,
  };
}

// Typed replies are scored by the coach, so a total can fall outside the authored paths' range.
const scale = (v: number, min: number, max: number) =>
  max === min ? 100 : Math.max(0, Math.min(100, Math.round((100 * (v - min)) / (max - min))));

export interface AttemptScore {
  overall: number;
  skills: Record<string, number>;
  passed: boolean;
}

/**
 * 0–100 where the best path scores 100 and the worst 0; each skill likewise against its own
 * lowest and highest possible totals. Passing takes the pass mark *and* an ending that is not a
 * failure: a conversation that ended with the customer hanging up did not go well, whatever the
 * points on the way said.
 */
export function scoreTotals(s: ScenarioDefinition, a: Analysis, totals: Record<string, number>, endingId: string | undefined): AttemptScore {
  const overall = overallOf(a, rawTotal(totals));
  const skills: Record<string, number> = {};
  for (const [k, b] of Object.entries(a.skills)) skills[k] = scale(totals[k] ?? 0, b.min, b.max);
  const ending = endingId === undefined ? undefined : s.endings[endingId];
  return { overall, skills, passed: ending !== undefined && ending.outcome !== 'failure' && overall >= s.passScore };
}

/** The overall score a raw total maps to. */
export function overallOf(a: Analysis, raw: number): number {
  return scale(raw, a.raw.min, a.raw.max);
}

/** An attempt's score from its final state (not passed while the conversation is still going). */
export function scoreState(s: ScenarioDefinition, a: Analysis, state: PlayState): AttemptScore {
  return scoreTotals(s, a, state.totals, 'ending' in state.at ? state.at.ending : undefined);
}

/** A path that slips early and still passes: the weak choice, where it was taken, and the score reached. */
export interface Recovery {
  path: string[];
  /** The decision (1 or 2) at which the weak reply was given. */
  slipAt: number;
  overall: number;
}

/**
 * A new hire must be able to recover from a slip: finds a path whose first or second decision is a
 * weak reply (its scores sum below zero) that good replies afterwards still carry to a pass. The
 * onward search keeps, per state, the highest total among endings that are not failures.
 */
export function findRecovery(s: ScenarioDefinition, a: Analysis, personaMood: number): Recovery | undefined {
  const memo = new Map<string, { raw: number; path: string[] } | null>();
  const bestOnward = (state: PlayState): { raw: number; path: string[] } | null => {
    if ('ending' in state.at) return s.endings[state.at.ending]!.outcome === 'failure' ? null : { raw: 0, path: [] };
    const key = `${state.at.node}|${state.mood}|${state.openClues.map((o) => state.steps.length - o.openedAt).join(',')}`;
    if (memo.has(key)) return memo.get(key)!;
    let best: { raw: number; path: string[] } | null = null;
    for (const c of choicesAt(s, state)) {
      const next = decide(s, state, c.id);
      const onward = bestOnward(next);
      if (!onward) continue;
      const raw = rawTotal(next.steps.at(-1)!.scores) + onward.raw;
      if (!best || raw > best.raw) best = { raw, path: [c.id, ...onward.path] };
    }
    memo.set(key, best);
    return best;
  };
  const tryFrom = (before: PlayState, prefix: string[], slipAt: number): Recovery | undefined => {
    let found: Recovery | undefined;
    for (const c of choicesAt(s, before)) {
      const slipped = decide(s, before, c.id);
      if (rawTotal(slipped.steps.at(-1)!.scores) >= 0) continue;
      const onward = bestOnward(slipped);
      if (!onward) continue;
      let end = slipped;
      for (const id of onward.path) end = decide(s, end, id);
      const score = scoreState(s, a, end);
      if (score.passed && (!found || score.overall > found.overall)) found = { path: [...prefix, c.id, ...onward.path], slipAt, overall: score.overall };
    }
    return found;
  };
  const start = initialState(s, personaMood);
  const first = tryFrom(start, [], 1);
  if (first) return first;
  const afterBest = decide(s, start, a.bestPath[0]!);
  return 'node' in afterBest.at ? tryFrom(afterBest, [a.bestPath[0]!], 2) : undefined;
}

/** A scenario ready to play: checked, paired with its persona, analysed once, and identified by a hash. */
export interface LoadedScenario {
  scenario: ScenarioDefinition;
  analysis: Analysis;
  file: string;
  persona: Persona;
  /** Identifies exactly what plays: the parsed scenario and the persona's mood. */
  hash: string;
}

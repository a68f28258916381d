// Every way through a scenario: score bounds for 0–100 scaling, the best path, and path statistics.
import { choicesAt, decide, initialState, rawTotal, type PlayState } from './engine';
import type { ScenarioDefinition } from './schema';

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

export function analyse(s: ScenarioDefinition, personaMood: number): Analysis {
  const finals: PlayState[] = [];
  const walk = (state: PlayState) => {
    if (finals.length > MAX_PATHS) throw new TooManyPathsError(`more than ${MAX_PATHS} paths`);
    if ('ending' in state.at) {
      finals.push(state);
      return;
    }
    for (const c of choicesAt(s, state)) walk(decide(s, state, c.id));
  };
  walk(initialState(s, personaMood));

  const skillNames = new Set<string>(finals.flatMap((f) => Object.keys(f.totals)));
  const skills: Analysis['skills'] = {};
  for (const k of skillNames) {
    const values = finals.map((f) => f.totals[k] ?? 0);
    skills[k] = { min: Math.min(...values), max: Math.max(...values) };
  }
  let best = finals[0]!;
  for (const f of finals) if (rawTotal(f.totals) > rawTotal(best.totals)) best = f;
  const raws = finals.map((f) => rawTotal(f.totals));
  const endings: Record<string, number> = {};
  const floors: Analysis['floors'] = {};
  for (const f of finals) {
    const id = (f.at as { ending: string }).ending;
    endings[id] = (endings[id] ?? 0) + 1;
    const raw = rawTotal(f.totals);
    const floor = (floors[id] ??= { raw, mood: f.mood });
    floor.raw = Math.min(floor.raw, raw);
    floor.mood = Math.min(floor.mood, f.mood);
  }
  return {
    paths: finals.length,
    bestPath: best.steps.map((st) => st.choiceId),
    bestState: best,
    raw: { min: Math.min(...raws), max: Math.max(...raws) },
    skills,
    endings,
    floors,
    longest: Math.max(...finals.map((f) => f.steps.length)),
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

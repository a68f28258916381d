// What the studio checks before a document may be published: the same linter and strategy gate as `npm run content:check`.
import type { ContentProblem } from '@/lib/problems';
import { strategyGate, PASS_CHANCE } from '@/lib/content/gate';
import { personaCatalogue, shippedPersonas } from '@/lib/content/scenarios';
import type { Persona } from '@/lib/scenario/schema';
import type { StudioKind } from './documents';
import { fileOf, lintText, type Linted } from './lint';

export { fileOf, type Linted };

/** Lints a scenario against every persona that plays (shipped and published), or a persona on its own. */
export function lintDocument(kind: StudioKind, id: string, yaml: string, personas: Map<string, Persona> = personaCatalogue()): Linted {
  return lintText(kind, id, yaml, personas, new Set(shippedPersonas().keys()));
}

export interface GateRow {
  strategy: string;
  /** Expected score out of 100. */
  score: number;
  /** Chance the strategy passes, 0–1. */
  pass: number;
  passes: boolean;
}

export interface GateReport {
  rows: GateRow[];
  problems: ContentProblem[];
}

/** Plays every strategy that ignores the customer on one linted scenario; any that passes is a problem. */
export function gateScenario(id: string, linted: Linted): GateReport | undefined {
  if (!linted.scenario || !linted.analysis || !linted.persona) return undefined;
  const file = fileOf('scenario', id);
  const g = strategyGate([{ scenario: linted.scenario, analysis: linted.analysis, persona: linted.persona, file }], file, false);
  return {
    rows: g.strategies.map((strategy) => {
      const r = g.results[strategy]![linted.scenario!.id]!;
      return { strategy, score: Math.round(r.score), pass: r.pass, passes: r.pass >= PASS_CHANCE };
    }),
    problems: g.problems,
  };
}

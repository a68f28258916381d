// What the studio checks before a document may be published: the same linter and strategy gate as `npm run content:check`.
import type { ContentProblem } from '@/lib/problems';
import { strategyGate, PASS_CHANCE } from '@/lib/content/gate';
import { personaCatalogue } from '@/lib/content/scenarios';
import type { Analysis } from '@/lib/scenario/analysis';
import { lintScenario, parsePersona } from '@/lib/scenario/lint';
import type { Persona, ScenarioDefinition } from '@/lib/scenario/schema';
import { isShipped, type StudioKind } from './documents';

/** The name problems give a document: what its file in content/ would be called, so "id matches the file name" reads true. */
export const fileOf = (kind: StudioKind, id: string) => `${kind === 'scenario' ? 'scenarios' : 'personas'}/${id}.yaml`;

export interface Linted {
  problems: ContentProblem[];
  scenario?: ScenarioDefinition;
  analysis?: Analysis;
  persona?: Persona;
}

/** Lints a scenario against every persona that plays (shipped and published), or a persona on its own. */
export function lintDocument(kind: StudioKind, id: string, yaml: string, personas: Map<string, Persona> = personaCatalogue()): Linted {
  const file = fileOf(kind, id);
  if (kind === 'scenario') {
    const r = lintScenario(file, yaml, personas);
    return { problems: r.problems, scenario: r.scenario, analysis: r.analysis, persona: r.scenario && personas.get(r.scenario.persona) };
  }
  const r = parsePersona(file, yaml);
  const problems = [...r.problems];
  if (r.value && r.value.id !== id) problems.push({ file, line: 1, message: `id "${r.value.id}" does not match this persona's id`, hint: `set id: ${id}` });
  if (r.value && isShipped('persona', r.value.id)) problems.push({ file, line: 1, message: `a shipped persona is already called "${r.value.id}"`, hint: 'choose another id' });
  return { problems, persona: r.value };
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

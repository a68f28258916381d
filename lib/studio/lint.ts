// The studio's linter, pure so the editor runs it in the browser on every pause in typing: the same checks as content:check, per document.
import type { ContentProblem } from '@/lib/problems';
import type { Analysis } from '@/lib/scenario/analysis';
import { lintScenario, parsePersona } from '@/lib/scenario/lint';
import type { Persona, ScenarioDefinition } from '@/lib/scenario/schema';

export type StudioKind = 'scenario' | 'persona';

/** How long typing must pause before the editor runs the checker again. */
export const LINT_AFTER_MS = 250;

/** The name problems give a document: what its file in content/ would be called, so "id matches the file name" reads true. */
export const fileOf = (kind: StudioKind, id: string) => `${kind === 'scenario' ? 'scenarios' : 'personas'}/${id}.yaml`;

export interface Linted {
  problems: ContentProblem[];
  scenario?: ScenarioDefinition;
  analysis?: Analysis;
  persona?: Persona;
}

/** Lints a scenario against the personas given, or a persona on its own (its id may not be a shipped one's). */
export function lintText(kind: StudioKind, id: string, yaml: string, personas: Map<string, Persona>, shippedPersonaIds: ReadonlySet<string>): Linted {
  const file = fileOf(kind, id);
  if (kind === 'scenario') {
    const r = lintScenario(file, yaml, personas);
    return { problems: r.problems, scenario: r.scenario, analysis: r.analysis, persona: r.scenario && personas.get(r.scenario.persona) };
  }
  const r = parsePersona(file, yaml);
  const problems = [...r.problems];
  if (r.value && r.value.id !== id) problems.push({ file, line: 1, message: `id "${r.value.id}" does not match this persona's id`, hint: `set id: ${id}` });
  if (r.value && shippedPersonaIds.has(r.value.id)) problems.push({ file, line: 1, message: `a shipped persona is already called "${r.value.id}"`, hint: 'choose another id' });
  return { problems, persona: r.value };
}

// Reads every persona and scenario under content/, lints them, and measures the set as a whole.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { principleIds, skillIds } from '@/lib/curriculum';
import type { ContentProblem } from '@/lib/problems';
import type { LoadedScenario } from '@/lib/scenario/analysis';
import { lintScenario, parsePersona } from '@/lib/scenario/lint';
import type { Persona, ScenarioDefinition } from '@/lib/scenario/schema';

export function versionHash(scenario: ScenarioDefinition, personaMood: number): string {
  return crypto.createHash('sha256').update(JSON.stringify({ scenario, personaMood })).digest('hex');
}

const yamlFiles = (dir: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f)) : [];

export function readPersonas(dir: string): { personas: Map<string, Persona>; problems: ContentProblem[] } {
  const personas = new Map<string, Persona>();
  const problems: ContentProblem[] = [];
  for (const file of yamlFiles(dir)) {
    const r = parsePersona(file, fs.readFileSync(file, 'utf8'));
    problems.push(...r.problems);
    if (r.value) personas.set(r.value.id, r.value);
  }
  return { personas, problems };
}

export function readScenarioFiles(files: string[], personas: Map<string, Persona>): { scenarios: LoadedScenario[]; problems: ContentProblem[] } {
  const scenarios: LoadedScenario[] = [];
  const problems: ContentProblem[] = [];
  for (const file of files) {
    const r = lintScenario(file, fs.readFileSync(file, 'utf8'), personas);
    problems.push(...r.problems);
    if (r.scenario && r.analysis) {
      const persona = personas.get(r.scenario.persona)!;
      scenarios.push({ scenario: r.scenario, analysis: r.analysis, file, persona, hash: versionHash(r.scenario, persona.mood) });
    }
  }
  return { scenarios, problems };
}

export function readScenarios(root: string) {
  const personas = readPersonas(path.join(root, 'content', 'personas'));
  const scenarios = readScenarioFiles(yamlFiles(path.join(root, 'content', 'scenarios')), personas.personas);
  return { ...scenarios, personas: personas.personas, problems: [...personas.problems, ...scenarios.problems] };
}

/** Course-level problems: every skill scored somewhere, every principle practised twice (the strategy gate checks tells). */
export function scenarioCoverage(scenarios: LoadedScenario[], dir: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const scored = new Set<string>();
  for (const { scenario: s } of scenarios) {
    for (const n of Object.values(s.nodes)) {
      if (n.clue) scored.add('timing');
      for (const c of n.choices) for (const k of Object.keys(c.scores)) scored.add(k);
    }
  }
  for (const k of skillIds) {
    if (!scored.has(k)) problems.push({ file: dir, line: 0, message: `no scenario scores the skill "${k}"`, hint: `add ${k} scores to choices in a scenario that practises it` });
  }
  for (const p of principleIds) {
    const n = scenarios.filter((x) => x.scenario.principles.includes(p)).length;
    if (n < 2) problems.push({ file: dir, line: 0, message: `principle ${p} is practised by ${n} scenario${n === 1 ? '' : 's'}; it needs at least two`, hint: `add ${p} to the principles of scenarios that practise it` });
  }
  return problems;
}

let shipped: Map<string, LoadedScenario> | undefined;

/** The scenarios shipped in content/, validated once per process; a content problem throws. */
export function shippedScenarios(root = process.cwd()): Map<string, LoadedScenario> {
  if (shipped) return shipped;
  const { scenarios, problems } = readScenarios(root);
  if (problems.length) throw new Error(`The scenarios have ${problems.length} problems; run npm run content:check.`);
  shipped = new Map(scenarios.map((x) => [x.scenario.id, x]));
  return shipped;
}

let shippedPersonaMap: Map<string, Persona> | undefined;

/** The personas shipped in content/. */
export function shippedPersonas(root = process.cwd()): Map<string, Persona> {
  shippedPersonaMap ??= readPersonas(path.join(root, 'content', 'personas')).personas;
  return shippedPersonaMap;
}

/** What the studio has published (lib/studio), set by whoever reads it from the database. */
export interface Authored {
  /** The highest publish this set includes: a newer one elsewhere means reading it again. */
  stamp: number;
  scenarios: LoadedScenario[];
  personas: Persona[];
}

// Every copy of this module in the process (the server script and the Next.js bundle load their own) shares one set.
const KEY = Symbol.for('empathy-trainer.authored');
type Holder = { authored: Authored; merged?: { stamp: number; root: string; scenarios: Map<string, LoadedScenario> } };
const holder: Holder = ((globalThis as Record<symbol, unknown>)[KEY] as Holder | undefined) ?? { authored: { stamp: 0, scenarios: [], personas: [] } };
(globalThis as Record<symbol, unknown>)[KEY] = holder;

export function setAuthored(authored: Authored): void {
  holder.authored = authored;
}

export function authoredStamp(): number {
  return holder.authored.stamp;
}

/**
 * The scenarios the app serves: the shipped ones and those published in the studio. A shipped id
 * always wins, so a studio scenario can never replace shipped content.
 */
export function scenarioCatalogue(root = process.cwd()): Map<string, LoadedScenario> {
  const base = shippedScenarios(root);
  const { authored } = holder;
  if (authored.scenarios.length === 0) return base;
  if (holder.merged?.stamp === authored.stamp && holder.merged.root === root) return holder.merged.scenarios;
  const scenarios = new Map(base);
  for (const s of authored.scenarios) if (!scenarios.has(s.scenario.id)) scenarios.set(s.scenario.id, s);
  holder.merged = { stamp: authored.stamp, root, scenarios };
  return scenarios;
}

/** Every persona a scenario may feature: shipped, then published in the studio. */
export function personaCatalogue(root = process.cwd()): Map<string, Persona> {
  const personas = new Map(shippedPersonas(root));
  for (const p of holder.authored.personas) if (!personas.has(p.id)) personas.set(p.id, p);
  return personas;
}

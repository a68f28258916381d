// The content check behind `npm run content:check` and the build: every file's problems, and the course's coverage.
import fs from 'node:fs';
import path from 'node:path';
import { principleIds, principles, skillIds, skills, isSkillId, type SkillId } from '@/lib/curriculum';
import { parseModule, readModules, type CourseModule } from './modules';
import type { ContentProblem } from '@/lib/problems';
import { readPersonas, readScenarioFiles, readScenarios, scenarioCoverage } from './scenarios';
import type { LoadedScenario } from '@/lib/scenario/analysis';
import { strategyGate } from './gate';
import { findRecovery, overallOf } from '@/lib/scenario/analysis';
import { parsePersona } from '@/lib/scenario/lint';
import { parsePath, pathOrderProblems, readPaths } from './paths';
import { signed } from '@/lib/format';

export interface CheckResult {
  problems: ContentProblem[];
  modules: CourseModule[];
  scenarios: LoadedScenario[];
  /** Per-scenario statistics and the length tell; empty when only some files were checked. */
  scenarioReport: string[];
  /** Lines of the principles × modules table; empty when only some files were checked. */
  coverage: string[];
  notes: string[];
}

export function contentDirs(root: string) {
  return {
    modules: path.join(root, 'content', 'modules'),
    scenarios: path.join(root, 'content', 'scenarios'),
    personas: path.join(root, 'content', 'personas'),
  };
}

function scenarioIds(dir: string): Set<string> {
  if (!fs.existsSync(dir)) return new Set();
  return new Set(fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, '')));
}

function practiceProblems(modules: CourseModule[], scenarios: Set<string>): ContentProblem[] {
  if (scenarios.size === 0) return [];
  return modules.flatMap((m) =>
    m.practice
      .filter((p) => !scenarios.has(p.scenario))
      .map((p) => ({
        file: m.file,
        line: p.line,
        message: `<PracticeLink> points to scenario "${p.scenario}", which does not exist`,
        hint: `use one of ${[...scenarios].sort().join(', ')}`,
      })),
  );
}

/** Checks the whole course (no files) or just the files named, resolving references against `root/content`. */
export function checkContent(root: string, files: string[] = []): CheckResult {
  const dirs = contentDirs(root);
  const scenarios = scenarioIds(dirs.scenarios);
  const notes: string[] = [];
  if (scenarios.size === 0) notes.push('Practice links were not checked: there are no scenarios yet.');

  if (files.length > 0) {
    const problems: ContentProblem[] = [];
    const modules: CourseModule[] = [];
    const scenarioFiles: string[] = [];
    const { personas } = readPersonas(dirs.personas);
    for (const f of files) {
      const file = path.resolve(f);
      if (!fs.existsSync(file)) {
        problems.push({ file, line: 1, message: 'no such file', hint: 'check the path' });
      } else if (file.endsWith('.mdx')) {
        const r = parseModule(file, fs.readFileSync(file, 'utf8'));
        problems.push(...r.problems);
        if (r.module) modules.push(r.module);
      } else if (/\.ya?ml$/.test(file) && path.basename(path.dirname(file)) === 'paths') {
        const known = { modules: new Set(readModules(dirs.modules).modules.map((m) => m.id)), scenarios };
        problems.push(...parsePath(file, fs.readFileSync(file, 'utf8'), known).problems);
      } else if (/\.ya?ml$/.test(file) && path.basename(path.dirname(file)) === 'personas') {
        problems.push(...parsePersona(file, fs.readFileSync(file, 'utf8')).problems);
      } else if (/\.ya?ml$/.test(file)) {
        scenarioFiles.push(file);
      } else {
        problems.push({ file, line: 1, message: 'not a course file', hint: 'name a module (.mdx) or a scenario (.yaml)' });
      }
    }
    const loaded = readScenarioFiles(scenarioFiles, personas);
    problems.push(...loaded.problems);
    problems.push(...practiceProblems(modules, scenarios));
    // A single scenario is still played by every strategy; the course-wide limits wait for the whole course.
    const gate = strategyGate(loaded.scenarios, dirs.scenarios, false);
    problems.push(...gate.problems);
    return { problems, modules, scenarios: loaded.scenarios, scenarioReport: gate.table, coverage: [], notes };
  }

  const { modules, problems } = readModules(dirs.modules);
  problems.push(...practiceProblems(modules, scenarios));
  const loaded = readScenarios(root);
  problems.push(...loaded.problems);
  if (loaded.scenarios.length > 0 || scenarios.size > 0) problems.push(...scenarioCoverage(loaded.scenarios, dirs.scenarios));
  const paths = readPaths(root, { modules: new Set(modules.map((m) => m.id)), scenarios });
  problems.push(...paths.problems);
  if (paths.problems.length === 0) {
    const onPaths = loaded.scenarios.map((l) => ({ id: l.scenario.id, skills: l.scenario.skills }));
    problems.push(...pathOrderProblems(paths.paths, modules, onPaths, teaches));
  }
  const taughtBy = new Map(principleIds.map((p) => [p, modules.filter((m) => m.principles.includes(p))]));
  for (const [p, ms] of taughtBy) {
    if (ms.length === 0) {
      problems.push({
        file: dirs.modules,
        line: 0,
        message: `principle ${p} (“${principles[p]}”) is taught by no module`,
        hint: `add ${p} to the principles of the module that teaches it`,
      });
    }
  }
  const header = ['principle', ...modules.map((m) => String(m.order))];
  const coverage = [
    `Principles × modules (columns are module order: ${modules.map((m) => `${m.order} ${m.id}`).join(', ')})`,
    header.join('  '),
    ...principleIds.map((p) =>
      [p.padEnd(9), ...modules.map((m) => (m.principles.includes(p) ? '●' : '·').padStart(String(m.order).length))].join('  '),
    ),
  ];
  const tell = longestRight(modules);
  coverage.push(`Knowledge checks: the right answer is the longest option in ${tell.longest} of ${tell.checks} (limit ${LONGEST_RIGHT_LIMIT * 100}%)`);
  if (tell.checks > 0 && tell.longest / tell.checks > LONGEST_RIGHT_LIMIT) {
    problems.push({
      file: dirs.modules,
      line: 0,
      message: `the right answer is the longest option in ${tell.longest} of ${tell.checks} knowledge checks, so length gives it away`,
      hint: `make a wrong option as full and specific as the right one (or the right one plainer) until it is ${LONGEST_RIGHT_LIMIT * 100}% or fewer: ${tell.which.join(', ')}`,
    });
  }
  const gate = strategyGate(loaded.scenarios, dirs.scenarios);
  problems.push(...gate.problems);
  return { problems, modules, scenarios: loaded.scenarios, scenarioReport: [...scenarioReport(loaded.scenarios), ...gate.table], coverage, notes };
}

/** A module teaches its own skill and the skill whose core principle it teaches (making-it-personal teaches ownership through P17). */
export function teaches(module: { skill: string; principles: string[] }, skill: string): boolean {
  return module.skill === skill || (isSkillId(skill) && module.principles.includes(skills[skill].core));
}

/** At most this share of knowledge checks may have the right answer as their longest option (a tie counts). */
export const LONGEST_RIGHT_LIMIT = 0.4;

/** How many checks' right answer is (one of) their longest option: picking the longest must not pass the checks. */
export function longestRight(modules: readonly CourseModule[]): { checks: number; longest: number; which: string[] } {
  const which: string[] = [];
  let checks = 0;
  for (const m of modules) {
    for (const c of m.checks) {
      checks++;
      const right = c.options.find((o) => o.correct);
      if (right && c.options.every((o) => o.text.length <= right.text.length)) which.push(`${m.id}/${c.id}`);
    }
  }
  return { checks, longest: which.length, which };
}

function scenarioReport(loaded: LoadedScenario[]): string[] {
  if (loaded.length === 0) return [];
  const lines = ['Scenarios (decision points · paths · endings by outcome · best path: decisions, skill totals)'];
  for (const { scenario: s, analysis: a } of loaded) {
    const byOutcome: Record<string, number> = {};
    for (const e of Object.values(s.endings)) byOutcome[e.outcome] = (byOutcome[e.outcome] ?? 0) + 1;
    const skills = Object.entries(a.bestState.totals)
      .map(([k, v]) => `${k} ${signed(v)}`)
      .join(', ');
    lines.push(
      `  ${s.id.padEnd(24)} ${s.channel.padEnd(9)} ${String(Object.keys(s.nodes).length).padStart(2)} points · ${String(a.paths).padStart(5)} paths · ` +
        `${['success', 'partial', 'failure'].map((o) => `${byOutcome[o] ?? 0} ${o}`).join(', ')} · best ${a.bestPath.length} decisions: ${skills}`,
    );
  }
  lines.push('Success endings: the lowest overall score and mood of any path that reaches each');
  for (const { scenario: s, analysis: a } of loaded) {
    const floors = Object.entries(a.floors)
      .filter(([id]) => s.endings[id]!.outcome === 'success')
      .map(([id, f]) => `${id} from ${overallOf(a, f.raw)} (mood ≥ ${f.mood})`);
    lines.push(`  ${s.id.padEnd(24)} ${floors.join(', ') || 'none reachable'}`);
  }
  lines.push('Recovery: a weak reply at decision 1 or 2, then the best replies after it');
  for (const { scenario: s, analysis: a, persona } of loaded) {
    const r = findRecovery(s, a, persona.mood);
    lines.push(`  ${s.id.padEnd(24)} ${r ? `slips at decision ${r.slipAt} (${r.path[r.slipAt - 1]}) and passes at ${r.overall}` : 'none passes'}`);
  }
  const scoring = choicesScoring(loaded);
  lines.push(`Choices scoring each skill (either way): ${skillIds.map((k) => (k === 'timing' ? 'timing by the engine' : `${k} ${scoring[k]}`)).join(', ')}`);
  return lines;
}

/** How many authored choices, across the scenarios, score each skill up or down: a skill practised at a handful is barely taught. */
export function choicesScoring(loaded: readonly LoadedScenario[]): Record<SkillId, number> {
  const out = Object.fromEntries(skillIds.map((k) => [k, 0])) as Record<SkillId, number>;
  for (const { scenario: s } of loaded) {
    for (const n of Object.values(s.nodes)) for (const c of n.choices) for (const [k, v] of Object.entries(c.scores)) if (v !== 0 && k in out) out[k as SkillId]++;
  }
  return out;
}

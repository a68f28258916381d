// Reads a scenario or persona file and reports every problem with the line it is on and how to fix it.
import { isMap, isScalar, isSeq, type LineCounter, type Document } from 'yaml';
import { readYaml } from '@/lib/yaml';
import type { z } from 'zod';
import { isSkillId, principleIds, skillIds } from '@/lib/curriculum';
import type { ContentProblem } from '@/lib/problems';
import { analyse, findRecovery, TooManyPathsError, type Analysis } from './analysis';
import { GOOD_NEWS } from './fits';
import { PersonaSchema, ScenarioSchema, type Persona, type ScenarioDefinition } from './schema';

type Seg = string | number;

/** The id a file's name gives it: its last path segment, less .yaml. Spelt out rather than path.basename so the engine needs no Node module. */
const idOfFile = (file: string) => file.replace(/\/+$/, '').replace(/^.*\//, '').replace(/\.ya?ml$/, '');

/** Finds the line of a path in the YAML document: the key's line for map entries, else the value's. */
class Lines {
  constructor(
    private doc: Document,
    private lc: LineCounter,
  ) {}

  of(segs: readonly Seg[], key?: string): number {
    let node: unknown = this.doc.contents;
    let line = 1;
    for (const seg of [...segs, ...(key === undefined ? [] : [key])]) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const at = (pair.key as { range?: [number, number, number] }).range?.[0];
        if (at !== undefined) line = this.lc.linePos(at).line;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as { range?: [number, number, number] } | undefined;
        if (!item) break;
        if (item.range) line = this.lc.linePos(item.range[0]).line;
        node = item;
      } else break;
    }
    return line;
  }
}

interface Parsed<T> {
  value?: T;
  problems: ContentProblem[];
  lines?: Lines;
}

const keyHints: Record<string, string> = {
  id: 'kebab-case, the same as the file name',
  channel: 'phone, chat, email or in-person',
  next: 'the id of a node or an ending',
  goto: 'the id of an ending',
  feedback: 'say what this reply did to the customer, and why',
  say: 'what the rep says',
  customer: 'what the customer says or writes',
  outcome: 'success, partial or failure',
  scores: 'skill deltas such as { reflecting: 2 }, each -3 to 3',
  mood: 'a whole number from -3 to 3 (or -5 to 5 for a start mood)',
  voice: 'how this person talks, in a line: register, pace, temperament ("terse and sarcastic; types in bursts")',
};

function parseYaml<S extends z.ZodType>(file: string, text: string, schema: S): Parsed<z.output<S>> {
  const { doc, lines: lc, problems } = readYaml(file, text);
  if (problems.length) return { problems };
  const lines = new Lines(doc, lc);
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const segs = issue.path as Seg[];
      const last = segs.at(-1);
      if (issue.code === 'unrecognized_keys') {
        for (const k of (issue as { keys: string[] }).keys) {
          problems.push({ file, line: lines.of(segs, k), message: `unknown key "${k}"${segs.length ? ` in ${segs.join('.')}` : ''}`, hint: 'remove it, or check its spelling and indentation' });
        }
        continue;
      }
      const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
      const where = segs.join('.') || 'the file';
      problems.push({
        file,
        line: lines.of(segs),
        message: missing ? `${where} is missing` : `${where}: ${issue.message}`,
        hint: typeof last === 'string' ? keyHints[last] : undefined,
      });
    }
    return { problems, lines };
  }
  return { value: parsed.data, problems, lines };
}

export function parsePersona(file: string, text: string): Parsed<Persona> {
  const r = parseYaml(file, text, PersonaSchema);
  const expected = idOfFile(file);
  if (r.value && r.value.id !== expected) {
    r.problems.push({ file, line: r.lines!.of(['id']), message: `id "${r.value.id}" does not match the file name`, hint: `set id: ${expected}` });
    return { problems: r.problems };
  }
  return r;
}

/** Word stems of four letters or more, to see whether a fact is in a line ("charged" and "charge" agree). */
const wordsOf = (text: string) => new Set((text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []).map((w) => w.slice(0, 5)));

/** The lowest mood a success ending may be reached with: the bottom of the neutral band. */
export const SUCCESS_MOOD_FLOOR = -1;

export interface LintedScenario {
  scenario?: ScenarioDefinition;
  analysis?: Analysis;
  problems: ContentProblem[];
}

/** Parses and lints one scenario; personas resolve against the given map. */
export function lintScenario(file: string, text: string, personas: Map<string, Persona>): LintedScenario {
  const result = lintUnsorted(file, text, personas);
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}

function lintUnsorted(file: string, text: string, personas: Map<string, Persona>): LintedScenario {
  const r = parseYaml(file, text, ScenarioSchema);
  if (!r.value) return { problems: r.problems };
  const s = r.value;
  const lines = r.lines!;
  const problems = r.problems;
  const err = (segs: Seg[], message: string, hint?: string, key?: string) => problems.push({ file, line: lines.of(segs, key), message, hint });

  const expected = idOfFile(file);
  if (s.id !== expected) err(['id'], `id "${s.id}" does not match the file name`, `set id: ${expected}, or rename the file`);
  if (!personas.has(s.persona)) err(['persona'], `persona "${s.persona}" does not exist`, `add content/personas/${s.persona}.yaml, or use one of: ${[...personas.keys()].sort().join(', ')}`);
  s.principles.forEach((p, i) => {
    if (!principleIds.includes(p)) err(['principles', i], `"${p}" is not a principle id`, 'use ids P1 to P25 from the curriculum');
  });
  s.skills.forEach((k, i) => {
    if (!isSkillId(k)) err(['skills', i], `"${k}" is not a skill`, `use ${skillIds.join(', ')}`);
  });

  const nodeIds = Object.keys(s.nodes);
  const endingIds = Object.keys(s.endings);
  for (const id of nodeIds) if (s.endings[id]) err(['endings', id], `"${id}" is both a node and an ending`, 'rename one of them');
  if (!s.nodes[s.start]) err(['start'], `start "${s.start}" is not a node`, `use one of: ${nodeIds.join(', ')}`);

  for (const [nodeId, node] of Object.entries(s.nodes)) {
    if (node.choices.length < 2) err(['nodes', nodeId], `node "${nodeId}" has ${node.choices.length} choice${node.choices.length === 1 ? '' : 's'}; a decision needs at least two`, 'add a plausible weaker reply');
    const seen = new Set<string>();
    node.choices.forEach((c, i) => {
      if (seen.has(c.id)) err(['nodes', nodeId, 'choices', i, 'id'], `choice id "${c.id}" appears twice in node "${nodeId}"`, 'give each choice its own id');
      seen.add(c.id);
      if (!s.nodes[c.next] && !s.endings[c.next]) {
        err(['nodes', nodeId, 'choices', i, 'next'], `next "${c.next}" is neither a node nor an ending`, `use one of: ${[...nodeIds, ...endingIds].join(', ')}`);
      }
      for (const skill of Object.keys(c.scores)) {
        if (skill === 'timing') err(['nodes', nodeId, 'choices', i, 'scores', 'timing'], 'timing is scored by the engine, not by authors', 'remove it; mark the node with clue: and the empathetic reply with empathy: true');
        else if (!isSkillId(skill)) err(['nodes', nodeId, 'choices', i, 'scores', skill], `"${skill}" is not a skill`, `use ${skillIds.join(', ')}`);
        else if (!s.skills.includes(skill)) err(['nodes', nodeId, 'choices', i, 'scores', skill], `scores "${skill}", which is not in the scenario's skills`, `add ${skill} to skills:`);
      }
    });
  }
  for (const [id, e] of Object.entries(s.endings)) {
    if (s.moodCeiling !== undefined && e.moodAtLeast !== undefined && e.moodAtLeast > s.moodCeiling) {
      err(['endings', id, 'moodAtLeast'], `ending "${id}" needs a mood of ${e.moodAtLeast}, above the scenario's moodCeiling of ${s.moodCeiling}, so no path reaches it`, `lower moodAtLeast to ${s.moodCeiling} or less, or raise moodCeiling`);
    }
    if ((e.moodAtLeast === undefined) !== (e.otherwise === undefined)) {
      err(['endings', id], `ending "${id}" needs both moodAtLeast and otherwise, or neither`, 'say the mood it needs and the ending a lower mood goes to instead, like moodAtLeast: 0 and otherwise: grudging');
    } else if (e.otherwise && !s.endings[e.otherwise]) {
      err(['endings', id, 'otherwise'], `otherwise "${e.otherwise}" is not an ending`, `use one of: ${endingIds.join(', ')}`);
    } else if (e.otherwise) {
      const seen = new Set([id]);
      for (let next: string | undefined = e.otherwise; next; next = s.endings[next]?.otherwise) {
        if (seen.has(next)) {
          err(['endings', id, 'otherwise'], `the otherwise links of ending "${id}" go round in a circle`, 'point otherwise at an ending that needs no mood');
          break;
        }
        seen.add(next);
      }
    }
  }
  s.rules.forEach((rule, i) => {
    if (!s.endings[rule.goto]) err(['rules', i, 'goto'], `goto "${rule.goto}" is not an ending`, `use one of: ${endingIds.join(', ')}`);
  });
  if (endingIds.length < 3) err(['endings'], `the scenario has ${endingIds.length} ending${endingIds.length === 1 ? '' : 's'}; it needs at least three`, 'add endings such as a grudging resolution and a hang-up');
  const outcomes = new Set(Object.values(s.endings).map((e) => e.outcome));
  if (!outcomes.has('success')) err(['endings'], 'no ending has outcome: success', 'add an ending where the customer leaves satisfied');
  if (!outcomes.has('failure')) err(['endings'], 'no ending has outcome: failure', 'add an ending where it goes wrong: a hang-up, a walk-out, an escalation');

  // Reachability and cycles, walking choices' next links from start.
  if (s.nodes[s.start]) {
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    let cycleReported = false;
    const visit = (id: string) => {
      state.set(id, 'open');
      stack.push(id);
      s.nodes[id]!.choices.forEach((c, i) => {
        if (!s.nodes[c.next]) return;
        if (state.get(c.next) === 'open' && !cycleReported) {
          cycleReported = true;
          const loop = [...stack.slice(stack.indexOf(c.next)), c.next];
          err(['nodes', id, 'choices', i, 'next'], `this next closes a cycle: ${loop.join(' → ')}`, 'every path must reach an ending; point this choice forward instead');
        } else if (!state.has(c.next)) visit(c.next);
      });
      stack.pop();
      state.set(id, 'done');
    };
    visit(s.start);
    for (const id of nodeIds) if (!state.has(id)) err(['nodes', id], `node "${id}" cannot be reached from start "${s.start}"`, 'point a choice at it, or remove it');
  }

  // Problems that leave the scenario playable: reported, but the analysis and the strategy gate still run.
  const structural = problems.length;
  const soft = (segs: Seg[], message: string, hint?: string) => later.push({ file, line: lines.of(segs), message, hint });
  const later: ContentProblem[] = [];
  for (const [nodeId, node] of Object.entries(s.nodes)) {
    if (!node.about) {
      soft(['nodes', nodeId], `node "${nodeId}" has no about:`, 'add about: { facts: [two or three things the customer raises here], fits: [...] }, so a typed reply can be judged against this turn');
    } else {
      const said = wordsOf(`${node.customer} ${node.cue ?? ''}`);
      if (!node.about.facts.some((f) => [...wordsOf(f)].some((w) => said.has(w)))) {
        soft(['nodes', nodeId, 'about', 'facts'], `none of the facts of node "${nodeId}" is in what the customer says there`, 'name the facts in the words the customer uses at this node');
      }
      if (node.about.fits.includes('congratulation') && !(node.clue && GOOD_NEWS.has(node.clue))) {
        soft(['nodes', nodeId, 'about', 'fits'], `node "${nodeId}" calls for a congratulation without good news`, `give it a good-news clue (${[...GOOD_NEWS].join(', ')}), or remove congratulation from fits`);
      }
    }
  }
  if (structural) return { problems: [...problems, ...later] };
  problems.push(...later);
  const persona = personas.get(s.persona)!;
  let analysis: Analysis;
  try {
    analysis = analyse(s, persona.mood);
  } catch (e) {
    if (e instanceof TooManyPathsError) {
      err(['nodes'], `the scenario has ${e.message}`, 'merge branches back into the main line');
      return { problems };
    }
    throw e;
  }
  // A success is the customer leaving satisfied: no path may get there with them still upset.
  for (const [id, floor] of Object.entries(analysis.floors)) {
    if (s.endings[id]!.outcome === 'success' && floor.mood < SUCCESS_MOOD_FLOOR) {
      err(['endings', id], `success ending "${id}" is reachable with the customer's mood at ${floor.mood} (below neutral, ${SUCCESS_MOOD_FLOOR})`, `give the ending moodAtLeast: ${SUCCESS_MOOD_FLOOR + 1} and otherwise: <a partial ending>, so a path arriving with a lower mood ends there instead`);
    }
  }
  if (!findRecovery(s, analysis, persona.mood)) {
    err(['start'], 'no path recovers from a slip: a weak reply at the first or second decision fails whatever comes after', 'let a weak early reply cost a point or two of mood, not the call, and let good replies after it win the customer back to a passing ending');
  }
  if (analysis.bestPath.length < 6) {
    err(['start'], `the best path has ${analysis.bestPath.length} decisions; a scenario needs at least six`, 'lengthen the main line of the conversation');
  }
  return { scenario: s, analysis, problems };
}

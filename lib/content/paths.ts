// Learning paths (content/paths/*.yaml): ordered modules and scenarios, checked against the course; a learner's next step.
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq } from 'yaml';
import { readYaml } from './yaml';
import { z } from 'zod';
import type { ContentProblem } from './problems';

const Item = z.union([z.strictObject({ module: z.string() }), z.strictObject({ scenario: z.string() })]);
const PathSchema = z.strictObject({ id: z.string(), title: z.string().min(1), items: z.array(Item).min(1) });

export type PathItem = { kind: 'module' | 'scenario'; id: string };
export interface LearningPath {
  id: string;
  title: string;
  items: PathItem[];
}

/** Parses a path file and checks every item exists; problems carry the item's line. */
export function parsePath(file: string, text: string, known: { modules: Set<string>; scenarios: Set<string> }): { path?: LearningPath; problems: ContentProblem[] } {
  const { doc, lines: lc, problems: syntax } = readYaml(file, text);
  if (syntax.length) return { problems: syntax };
  const itemLine = (i: number) => {
    const items = isMap(doc.contents) ? doc.contents.get('items', true) : undefined;
    const node = isSeq(items) ? (items.items[i] as { range?: number[] } | undefined) : undefined;
    return node?.range ? lc.linePos(node.range[0]!).line : 1;
  };
  const parsed = PathSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => ({
        file,
        line: i.path[0] === 'items' && typeof i.path[1] === 'number' ? itemLine(i.path[1]) : 1,
        message: `${i.path.join('.') || 'the path'}: ${i.message}`,
        hint: 'each item is either module: <id> or scenario: <id>',
      })),
    };
  }
  const problems: ContentProblem[] = [];
  const expected = path.basename(file).replace(/\.ya?ml$/, '');
  if (parsed.data.id !== expected) problems.push({ file, line: 1, message: `id "${parsed.data.id}" does not match the file name`, hint: `set id: ${expected}` });
  const seen = new Set<string>();
  const items: PathItem[] = parsed.data.items.map((it, i) => {
    const item: PathItem = 'module' in it ? { kind: 'module', id: it.module } : { kind: 'scenario', id: it.scenario };
    const pool = item.kind === 'module' ? known.modules : known.scenarios;
    if (!pool.has(item.id)) {
      problems.push({ file, line: itemLine(i), message: `${item.kind} "${item.id}" does not exist`, hint: `use one of: ${[...pool].sort().join(', ')}` });
    }
    const key = `${item.kind}:${item.id}`;
    if (seen.has(key)) problems.push({ file, line: itemLine(i), message: `${item.kind} "${item.id}" appears twice in the path`, hint: 'list each step once' });
    seen.add(key);
    return item;
  });
  return problems.length ? { problems } : { path: { id: parsed.data.id, title: parsed.data.title, items }, problems };
}

export function pathFile(root: string, id = 'onboarding') {
  return path.join(root, 'content', 'paths', `${id}.yaml`);
}

export function readPath(root: string, known: { modules: Set<string>; scenarios: Set<string> }, id = 'onboarding') {
  const file = pathFile(root, id);
  if (!fs.existsSync(file)) return { problems: [{ file, line: 1, message: 'the onboarding path is missing', hint: 'add content/paths/onboarding.yaml' }] };
  return parsePath(file, fs.readFileSync(file, 'utf8'), known);
}

/** Which steps are done: a module when completed, a scenario when any attempt at it has finished. */
export function pathProgress(p: LearningPath, done: { modules: Set<string>; scenarios: Set<string> }) {
  const steps = p.items.map((item) => ({ ...item, done: (item.kind === 'module' ? done.modules : done.scenarios).has(item.id) }));
  return { steps, completed: steps.filter((s) => s.done).length, next: steps.find((s) => !s.done) };
}

// Learning paths (content/paths/*.yaml): ordered modules and scenarios, checked against the course; a learner's next step.
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq } from 'yaml';
import { readYaml } from '@/lib/yaml';
import { z } from 'zod';
import type { ContentProblem } from '@/lib/problems';

const Item = z.union([z.strictObject({ module: z.string() }), z.strictObject({ scenario: z.string() })]);
const PathSchema = z.strictObject({ id: z.string(), title: z.string().min(1), after: z.string().optional(), items: z.array(Item).min(1) });

export type PathItem = { kind: 'module' | 'scenario'; id: string };
export interface LearningPath {
  id: string;
  title: string;
  /** A follow-on path names the path a learner finishes first; its modules count as read. */
  after?: string;
  items: PathItem[];
  /** Each item's line in the file, for problems that point at a step. */
  lines?: number[];
  file?: string;
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
  if (problems.length) return { problems };
  const lines = items.map((_, i) => itemLine(i));
  return { path: { id: parsed.data.id, title: parsed.data.title, ...(parsed.data.after ? { after: parsed.data.after } : {}), items, lines, file }, problems };
}

export function pathsDir(root: string) {
  return path.join(root, 'content', 'paths');
}

/**
 * Every path in content/paths, onboarding first and each follow-on after the path it follows.
 * A follow-on must name an existing path, and following them back must reach onboarding.
 */
export function readPaths(root: string, known: { modules: Set<string>; scenarios: Set<string> }): { paths: LearningPath[]; problems: ContentProblem[] } {
  const dir = pathsDir(root);
  const onboardingFile = path.join(dir, 'onboarding.yaml');
  if (!fs.existsSync(onboardingFile)) return { paths: [], problems: [{ file: onboardingFile, line: 1, message: 'the onboarding path is missing', hint: 'add content/paths/onboarding.yaml' }] };
  const problems: ContentProblem[] = [];
  const byId = new Map<string, LearningPath>();
  for (const name of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const file = path.join(dir, name);
    const r = parsePath(file, fs.readFileSync(file, 'utf8'), known);
    problems.push(...r.problems);
    if (r.path) byId.set(r.path.id, r.path);
  }
  const ordered: LearningPath[] = [];
  const place = (p: LearningPath, seen: Set<string>): boolean => {
    if (ordered.includes(p)) return true;
    if (p.id === 'onboarding') return ordered.push(p) > 0;
    if (!p.after) {
      problems.push({ file: p.file!, line: 1, message: `path "${p.id}" does not say which path it follows`, hint: 'add after: onboarding (or the id of the path a learner finishes first)' });
      return false;
    }
    const before = byId.get(p.after);
    if (!before || seen.has(p.after)) {
      problems.push({ file: p.file!, line: 1, message: before ? `path "${p.id}" follows itself in a circle` : `path "${p.id}" follows "${p.after}", which does not exist`, hint: `use one of: ${[...byId.keys()].filter((k) => k !== p.id).join(', ')}` });
      return false;
    }
    if (!place(before, new Set([...seen, p.id]))) return false;
    ordered.push(p);
    return true;
  };
  for (const p of byId.values()) place(p, new Set([p.id]));
  return { paths: ordered, problems };
}

/** The modules a learner has read by the time they reach each step: those of the paths this one follows, then those before it. */
function modulesBefore(p: LearningPath, all: LearningPath[]): Set<string>[] {
  const read = new Set<string>();
  for (let q = all.find((x) => x.id === p.after); q; q = all.find((x) => x.id === q!.after)) for (const it of q.items) if (it.kind === 'module') read.add(it.id);
  return p.items.map((it) => {
    const now = new Set(read);
    if (it.kind === 'module') read.add(it.id);
    return now;
  });
}

/**
 * Practice follows reading: every scenario is on some path, and a scenario comes after a module
 * teaching each skill it scores (the module's own skill, or the principle at that skill's core).
 */
export function pathOrderProblems(
  paths: LearningPath[],
  modules: readonly { id: string; skill: string; principles: string[] }[],
  scenarios: readonly { id: string; skills: string[] }[],
  teaches: (module: { skill: string; principles: string[] }, skill: string) => boolean,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const onSome = new Set(paths.flatMap((p) => p.items.filter((i) => i.kind === 'scenario').map((i) => i.id)));
  for (const s of scenarios) {
    if (!onSome.has(s.id)) {
      const last = paths.at(-1);
      problems.push({ file: last?.file ?? 'content/paths', line: 1, message: `scenario "${s.id}" is on no learning path`, hint: `add - scenario: ${s.id} to a path, after the modules for the skills it scores` });
    }
  }
  const moduleById = new Map(modules.map((m) => [m.id, m]));
  for (const p of paths) {
    const before = modulesBefore(p, paths);
    p.items.forEach((it, i) => {
      if (it.kind !== 'scenario') return;
      const s = scenarios.find((x) => x.id === it.id);
      if (!s) return;
      const read = [...before[i]!].map((id) => moduleById.get(id)).filter((m) => m !== undefined);
      const unread = s.skills.filter((k) => !read.some((m) => teaches(m, k)));
      if (unread.length === 0) return;
      const teachers = unread.map((k) => modules.find((m) => teaches(m, k))?.id ?? `a module for ${k}`);
      problems.push({
        file: p.file ?? 'content/paths',
        line: p.lines?.[i] ?? 1,
        message: `scenario "${it.id}" scores ${unread.join(', ')} before the path teaches ${unread.length === 1 ? 'it' : 'them'}`,
        hint: `move it after ${[...new Set(teachers)].join(', ')}, or put ${unread.length === 1 ? 'that module' : 'those modules'} earlier`,
      });
    });
  }
  return problems;
}

/** Which steps are done: a module when completed, a scenario when any attempt at it has finished. */
export function pathProgress(p: LearningPath, done: { modules: Set<string>; scenarios: Set<string> }) {
  const steps = p.items.map((item) => ({ ...item, done: (item.kind === 'module' ? done.modules : done.scenarios).has(item.id) }));
  return { steps, completed: steps.filter((s) => s.done).length, next: steps.find((s) => !s.done) };
}

// Reads course modules (MDX): frontmatter, the components they use, their knowledge checks; reports every problem.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { z } from 'zod';
import { channels, isSkillId, principleIds, skillIds, type SkillId } from './curriculum';
import type { ContentProblem } from './problems';

export interface CheckOption {
  id: string;
  correct: boolean;
  explain: string;
  /** The answer as the learner reads it. */
  text: string;
}

export interface KnowledgeCheck {
  id: string;
  question: string;
  options: CheckOption[];
}

export interface CourseModule {
  id: string;
  title: string;
  skill: SkillId;
  principles: string[];
  order: number;
  minutes: number;
  summary: string;
  file: string;
  /** sha256 of the file: compiled output is cached under it. */
  hash: string;
  source: string;
  checks: KnowledgeCheck[];
  reflections: { id: string; prompt: string }[];
  practice: { scenario: string; line: number }[];
}

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const Frontmatter = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case, like reflecting-emotion'),
  title: z.string().min(3, 'must be at least 3 characters'),
  skill: z.string().refine(isSkillId, { message: `must be one of ${skillIds.join(', ')}` }),
  principles: z
    .array(z.string().refine((p) => principleIds.includes(p), { message: 'is not a principle id (P1 to P25)' }))
    .min(1, 'must list at least one principle id'),
  order: z.number().int().positive(),
  minutes: z.number().int().min(1).max(30),
  summary: z.string().min(10).max(200),
});

const frontmatterHints: Record<string, string> = {
  id: 'use the file name without .mdx',
  skill: 'use the id of the skill this module builds',
  principles: 'a list such as [P15, P12]; ids are in the curriculum',
  order: 'a whole number: the module’s position in the course',
  minutes: 'a whole number: the reading time',
  summary: 'one sentence for the course list, 10 to 200 characters',
};

/** The components a module may use, and the attributes each one needs. */
const components = {
  Dialogue: { required: ['channel', 'customer'], optional: [] },
  Customer: { required: [], optional: ['cue'] },
  Rep: { required: [], optional: [] },
  Compare: { required: ['moment', 'weak', 'strong'], optional: [] },
  Check: { required: ['id', 'question'], optional: [] },
  Option: { required: ['id', 'explain'], optional: ['correct'] },
  Reflect: { required: ['id', 'prompt'], optional: [] },
  EmpathyMap: { required: ['id', 'customer', 'moment', 'feels', 'sees', 'says', 'fears', 'wants'], optional: [] },
  Callout: { required: ['kind'], optional: [] },
  PracticeLink: { required: ['scenario'], optional: [] },
} as const;
type ComponentName = keyof typeof components;
/** The five parts of an empathy map, in the order a learner fills them. */
export const empathyMapParts = ['feels', 'sees', 'says', 'fears', 'wants'] as const;
export const moduleComponentNames = Object.keys(components) as ComponentName[];
const calloutKinds = ['key', 'tip', 'mistake'];

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

function isJsx(node: RootContent | Root): node is Jsx {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

interface ParseContext {
  file: string;
  /** Lines taken by the frontmatter, so body positions map to file lines. */
  lineOffset: number;
  problems: ContentProblem[];
}

function lineOf(ctx: ParseContext, node: { position?: { start: { line: number } } }): number {
  return (node.position?.start.line ?? 1) + ctx.lineOffset;
}

function attrs(ctx: ParseContext, el: Jsx): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (const a of el.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
    if (a.type === 'mdxJsxExpressionAttribute') {
      ctx.problems.push({ file: ctx.file, line: lineOf(ctx, el), message: `<${el.name}> uses a {…} spread`, hint: 'write each attribute as name="text"' });
      continue;
    }
    if (a.value === null || a.value === undefined) out[a.name] = true;
    else if (typeof a.value === 'string') out[a.name] = a.value;
    else {
      ctx.problems.push({
        file: ctx.file,
        line: lineOf(ctx, el),
        message: `<${el.name}> attribute "${a.name}" is an expression`,
        hint: `write it as ${a.name}="text" in double quotes`,
      });
    }
  }
  return out;
}

function text(v: string | true | undefined): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function jsxChildren(node: Jsx): Jsx[] {
  const out: Jsx[] = [];
  const walk = (n: RootContent) => {
    if (isJsx(n)) out.push(n);
    else if ('children' in n) (n.children as RootContent[]).forEach(walk);
  };
  (node.children as RootContent[]).forEach(walk);
  return out;
}

/** An option that only makes sense in the order written: learners see options shuffled (lib/progress.ts). */
const BY_POSITION = /\b(?:[Aa]ll|[Nn]one|[Bb]oth|[Nn]either|[Ee]ither) of the (?:above|below)\b|\b(?:[Bb]oth|[Ee]ither|[Nn]either) [A-E] (?:and|or|nor) [A-E]\b/;

/** Parses one module file; never throws for content mistakes, it reports them. */
export function parseModule(file: string, source: string): { module?: CourseModule; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const expectedId = path.basename(file).replace(/\.mdx$/, '');
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh object each time: gray-matter caches by content otherwise.
    parsed = matter(source, {});
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    problems.push({
      file,
      line: (mark?.line ?? 0) + 2,
      message: `the frontmatter is not valid YAML: ${(e as { reason?: string }).reason ?? (e as Error).message}`,
      hint: 'check indentation and quote titles that contain a colon',
    });
    return { problems };
  }
  const lineOffset = source.slice(0, source.length - parsed.content.length).split('\n').length - 1;
  const frontLine = (key: string) => {
    const idx = source.split('\n').findIndex((l, i) => i < lineOffset && l.startsWith(`${key}:`));
    return idx >= 0 ? idx + 1 : 1;
  };

  if (!source.startsWith('---')) {
    problems.push({ file, line: 1, message: 'the module has no frontmatter', hint: 'start the file with --- and the keys id, title, skill, principles, order, minutes, summary' });
  }
  const fm = Frontmatter.safeParse(parsed.data);
  if (!fm.success) {
    for (const issue of fm.error.issues) {
      const key = String(issue.path[0] ?? '');
      const unknownKeys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
      if (unknownKeys.length) {
        for (const k of unknownKeys) {
          problems.push({ file, line: frontLine(k), message: `unknown frontmatter key "${k}"`, hint: 'allowed keys: id, title, skill, principles, order, minutes, summary' });
        }
        continue;
      }
      const item = issue.path.length > 1 ? ` (${JSON.stringify((parsed.data as Record<string, unknown[]>)[key]?.[issue.path[1] as number])})` : '';
      const missing = (parsed.data as Record<string, unknown>)[key] === undefined;
      problems.push({
        file,
        line: frontLine(key),
        message: missing ? `frontmatter "${key}" is missing` : `frontmatter "${key}"${item} ${issue.message}`,
        hint: frontmatterHints[key],
      });
    }
  } else if (fm.data.id !== expectedId) {
    problems.push({ file, line: frontLine('id'), message: `id "${fm.data.id}" does not match the file name`, hint: `rename the file to ${fm.data.id}.mdx or set id: ${expectedId}` });
  }

  const ctx: ParseContext = { file, lineOffset, problems };
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).parse(parsed.content);
  } catch (e) {
    const err = e as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message: string };
    // Some micromark errors carry their place only in the text, as "(line:col-line:col)".
    const fromText = Number(/\((\d+):\d+/.exec(err.reason ?? err.message)?.[1]);
    const line = err.line ?? err.place?.start?.line ?? err.place?.line ?? (fromText || 1);
    problems.push({
      file,
      line: line + lineOffset,
      message: `MDX syntax error: ${err.reason ?? err.message}`,
      hint: 'check that every <Component> is closed (<X /> or <X>…</X>) and that { and < in text are written as words',
    });
    return { problems };
  }

  const checks: KnowledgeCheck[] = [];
  const reflections: { id: string; prompt: string }[] = [];
  const practice: { scenario: string; line: number }[] = [];
  const seenCheck = new Set<string>();
  const seenReflect = new Set<string>();

  const visit = (node: RootContent | Root, parent?: Jsx) => {
    if (node.type === 'mdxjsEsm') {
      problems.push({ file, line: lineOf(ctx, node), message: 'modules cannot import or export code', hint: 'remove the line; every course component is available without importing it' });
      return;
    }
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      problems.push({ file, line: lineOf(ctx, node), message: 'a {…} expression is not allowed in a module', hint: 'write the text directly; to show a brace, write it as a word' });
      return;
    }
    if (isJsx(node)) {
      validateElement(ctx, node, parent, { checks, reflections, practice, seenCheck, seenReflect });
      for (const child of node.children as RootContent[]) visit(child, node);
      return;
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child, parent);
  };
  visit(tree);

  if (fm.success && (checks.length < 3 || checks.length > 5)) {
    problems.push({
      file,
      line: lineOffset + 1,
      message: `the module has ${checks.length} knowledge check question${checks.length === 1 ? '' : 's'}; it needs 3 to 5`,
      hint: 'add <Check> questions so learners can confirm what they read',
    });
  }

  if (!fm.success || problems.length > 0) return { problems };
  return {
    problems,
    module: {
      ...fm.data,
      skill: fm.data.skill as SkillId,
      file,
      hash: crypto.createHash('sha256').update(source).digest('hex'),
      source,
      checks,
      reflections,
      practice,
    },
  };
}

interface Collect {
  checks: KnowledgeCheck[];
  reflections: { id: string; prompt: string }[];
  practice: { scenario: string; line: number }[];
  seenCheck: Set<string>;
  seenReflect: Set<string>;
}

function validateElement(ctx: ParseContext, el: Jsx, parent: Jsx | undefined, out: Collect) {
  const { file, problems } = ctx;
  const line = lineOf(ctx, el);
  const name = el.name ?? '';
  if (!Object.hasOwn(components, name)) {
    problems.push({
      file,
      line,
      message: name ? `unknown component <${name}>` : 'a <> fragment is not allowed',
      hint: `use one of ${moduleComponentNames.map((n) => `<${n}>`).join(', ')}, or Markdown for formatting`,
    });
    return;
  }
  const spec = components[name as ComponentName];
  const a = attrs(ctx, el);
  for (const r of spec.required) {
    if (!text(a[r])) problems.push({ file, line, message: `<${name}> needs a ${r}="…" attribute`, hint: `add ${r}="…" with some text` });
  }
  const allowed = new Set<string>([...spec.required, ...spec.optional]);
  for (const k of Object.keys(a)) {
    if (!allowed.has(k)) {
      problems.push({ file, line, message: `<${name}> has an unknown attribute "${k}"`, hint: allowed.size ? `allowed: ${[...allowed].join(', ')}` : `<${name}> takes no attributes` });
    }
  }

  const requireParent = (expected: ComponentName) => {
    if (parent?.name !== expected) problems.push({ file, line, message: `<${name}> must be inside a <${expected}>`, hint: `move it into a <${expected}> block` });
  };

  switch (name as ComponentName) {
    case 'Dialogue': {
      const ch = text(a.channel);
      if (ch && !(channels as readonly string[]).includes(ch)) {
        problems.push({ file, line, message: `<Dialogue> channel "${ch}" is not a channel`, hint: `use ${channels.join(', ')}` });
      }
      if (jsxChildren(el).length === 0) problems.push({ file, line, message: '<Dialogue> has no lines', hint: 'add <Customer>…</Customer> and <Rep>…</Rep> lines' });
      break;
    }
    case 'Customer':
    case 'Rep':
      requireParent('Dialogue');
      break;
    case 'Compare':
      if (!toString(el).trim()) problems.push({ file, line, message: '<Compare> does not say why one reply is stronger', hint: 'write the reason between <Compare …> and </Compare>' });
      break;
    case 'Callout': {
      const kind = text(a.kind);
      if (kind && !calloutKinds.includes(kind)) problems.push({ file, line, message: `<Callout> kind "${kind}" is not known`, hint: `use ${calloutKinds.join(', ')}` });
      break;
    }
    case 'PracticeLink': {
      const scenario = text(a.scenario);
      if (scenario) out.practice.push({ scenario, line });
      break;
    }
    case 'Reflect': {
      const id = text(a.id);
      if (id && !kebab.test(id)) problems.push({ file, line, message: `<Reflect> id "${id}" is not kebab-case`, hint: 'use lowercase words joined by hyphens' });
      if (id && out.seenReflect.has(id)) problems.push({ file, line, message: `<Reflect> id "${id}" is used twice in this module`, hint: 'give each reflection its own id' });
      if (id) out.seenReflect.add(id);
      if (id && text(a.prompt)) out.reflections.push({ id, prompt: text(a.prompt)! });
      break;
    }
    case 'EmpathyMap': {
      // Each part is saved as a private note of its own, so the learner's map is stored like any reflection.
      const id = text(a.id);
      if (id && !kebab.test(id)) problems.push({ file, line, message: `<EmpathyMap> id "${id}" is not kebab-case`, hint: 'use lowercase words joined by hyphens' });
      if (id && out.seenReflect.has(`${id}-${empathyMapParts[0]}`)) problems.push({ file, line, message: `<EmpathyMap> id "${id}" is used twice in this module`, hint: 'give each map its own id' });
      const customer = text(a.customer);
      if (id && customer) {
        for (const part of empathyMapParts) {
          out.seenReflect.add(`${id}-${part}`);
          out.reflections.push({ id: `${id}-${part}`, prompt: `What ${customer} ${part}` });
        }
      }
      break;
    }
    case 'Option':
      requireParent('Check');
      break;
    case 'Check': {
      const id = text(a.id);
      if (id && !kebab.test(id)) problems.push({ file, line, message: `<Check> id "${id}" is not kebab-case`, hint: 'use lowercase words joined by hyphens' });
      if (id && out.seenCheck.has(id)) problems.push({ file, line, message: `<Check> id "${id}" is used twice in this module`, hint: 'give each question its own id; answers are stored under it' });
      if (id) out.seenCheck.add(id);
      const options: CheckOption[] = [];
      const seenOption = new Set<string>();
      const optionEls = jsxChildren(el).filter((c) => c.name === 'Option');
      for (const o of optionEls) {
        const oa = attrs({ ...ctx, problems: [] }, o);
        const oid = text(oa.id);
        const oline = lineOf(ctx, o);
        if (oid && !kebab.test(oid)) problems.push({ file, line: oline, message: `<Option> id "${oid}" is not kebab-case`, hint: 'use a short id such as a, b, c' });
        if (oid && seenOption.has(oid)) problems.push({ file, line: oline, message: `<Option> id "${oid}" is used twice in check "${id}"`, hint: 'give each option its own id' });
        if (oid) seenOption.add(oid);
        if (oa.correct !== undefined && oa.correct !== true) {
          problems.push({ file, line: oline, message: '<Option> correct takes no value', hint: 'write just correct, as in <Option id="b" correct explain="…">' });
        }
        const answer = toString(o).trim();
        if (!answer) problems.push({ file, line: oline, message: `<Option> "${oid ?? '?'}" has no answer text`, hint: 'write the answer between <Option …> and </Option>' });
        if (BY_POSITION.test(answer)) {
          problems.push({
            file,
            line: oline,
            message: `<Option> "${oid ?? '?'}" points at other options ("all of the above", "both A and B"), but each learner sees the options in their own order`,
            hint: 'write it as an answer that stands on its own',
          });
        }
        options.push({ id: oid ?? '', correct: oa.correct === true, explain: text(oa.explain) ?? '', text: answer });
      }
      if (optionEls.length < 2 || optionEls.length > 5) {
        problems.push({ file, line, message: `<Check> "${id ?? '?'}" has ${optionEls.length} options; it needs 2 to 5`, hint: 'three or four plausible options work best' });
      }
      const correct = options.filter((o) => o.correct).length;
      if (correct === 0) problems.push({ file, line, message: `<Check> "${id ?? '?'}" has no correct option`, hint: 'mark exactly one <Option> with correct' });
      if (correct > 1) problems.push({ file, line, message: `<Check> "${id ?? '?'}" has ${correct} correct options`, hint: 'mark exactly one <Option> with correct' });
      if (id && text(a.question)) out.checks.push({ id, question: text(a.question)!, options });
      break;
    }
  }
}

/** Reads and parses every module in a folder, plus cross-module rules (unique ids and order). */
export function readModules(dir: string): { modules: CourseModule[]; problems: ContentProblem[] } {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort() : [];
  const modules: CourseModule[] = [];
  const problems: ContentProblem[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    const r = parseModule(file, fs.readFileSync(file, 'utf8'));
    problems.push(...r.problems);
    if (r.module) modules.push(r.module);
  }
  const byOrder = new Map<number, CourseModule>();
  for (const m of modules) {
    const other = byOrder.get(m.order);
    if (other) {
      const line = m.source.split('\n').findIndex((l) => l.startsWith('order:')) + 1;
      problems.push({ file: m.file, line, message: `order ${m.order} is also used by ${path.basename(other.file)}`, hint: 'give each module its own position' });
    }
    byOrder.set(m.order, m);
  }
  modules.sort((a, b) => a.order - b.order);
  return { modules, problems };
}

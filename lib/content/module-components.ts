// The components a course module may use in its MDX, and the checks each element must pass (attributes, nesting, knowledge checks).
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { channels } from '@/lib/curriculum';
import { kebab, type CheckOption, type KnowledgeCheck } from './modules';
import type { ContentProblem } from '@/lib/problems';

/** The components a module may use, and the attributes each one needs. */
export const components = {
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

export type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

export function isJsx(node: RootContent | Root): node is Jsx {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

export interface ParseContext {
  file: string;
  /** Lines taken by the frontmatter, so body positions map to file lines. */
  lineOffset: number;
  problems: ContentProblem[];
}

export function lineOf(ctx: ParseContext, node: { position?: { start: { line: number } } }): number {
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

export function text(v: string | true | undefined): string | undefined {
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

/** An option that only makes sense in the order written: learners see options shuffled (lib/progress/modules.ts). */
const BY_POSITION = /\b(?:[Aa]ll|[Nn]one|[Bb]oth|[Nn]either|[Ee]ither) of the (?:above|below)\b|\b(?:[Bb]oth|[Ee]ither|[Nn]either) [A-E] (?:and|or|nor) [A-E]\b/;

interface Collect {
  checks: KnowledgeCheck[];
  reflections: { id: string; prompt: string }[];
  practice: { scenario: string; line: number }[];
  seenCheck: Set<string>;
  seenReflect: Set<string>;
}

export function validateElement(ctx: ParseContext, el: Jsx, parent: Jsx | undefined, out: Collect) {
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
  // Answers and notes are stored under these ids, so they must stay readable and unique within the module.
  const requireStoredId = (id: string | undefined, taken: (id: string) => boolean, twiceHint: string) => {
    if (id && !kebab.test(id)) problems.push({ file, line, message: `<${name}> id "${id}" is not kebab-case`, hint: 'use lowercase words joined by hyphens' });
    if (id && taken(id)) problems.push({ file, line, message: `<${name}> id "${id}" is used twice in this module`, hint: twiceHint });
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
      requireStoredId(id, (i) => out.seenReflect.has(i), 'give each reflection its own id');
      if (id) out.seenReflect.add(id);
      if (id && text(a.prompt)) out.reflections.push({ id, prompt: text(a.prompt)! });
      break;
    }
    case 'EmpathyMap': {
      // Each part is saved as a private note of its own, so the learner's map is stored like any reflection.
      const id = text(a.id);
      requireStoredId(id, (i) => out.seenReflect.has(`${i}-${empathyMapParts[0]}`), 'give each map its own id');
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
      requireStoredId(id, (i) => out.seenCheck.has(i), 'give each question its own id; answers are stored under it');
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

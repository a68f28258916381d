// Reads course modules (MDX): frontmatter, the components they use, their knowledge checks; reports every problem.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { Root, RootContent } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { z } from 'zod';
import { isSkillId, principleIds, skillIds, type SkillId } from '@/lib/curriculum';
import { isJsx, lineOf, validateElement, type Jsx, type ParseContext } from './module-components';
import type { ContentProblem } from '@/lib/problems';

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

/** Ids in files and URLs: lower-case words joined by hyphens. */
export const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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

// Content problems an author can act on: which file, which line, what is wrong, how to fix it.
import path from 'node:path';

export interface ContentProblem {
  file: string;
  line: number;
  message: string;
  hint?: string;
}

export function formatProblem(p: ContentProblem, root = process.cwd()): string {
  const rel = path.relative(root, p.file);
  // Line 0 marks a problem with the course as a whole, named by its folder.
  const where = `${rel && !rel.startsWith('..') ? rel : p.file}${p.line > 0 ? `:${p.line}` : ''}`;
  return `${where}: ${p.message}${p.hint ? `\n    fix: ${p.hint}` : ''}`;
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `The course content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => formatProblem(p)).join('\n')}`,
    );
    this.name = 'ContentError';
  }
}

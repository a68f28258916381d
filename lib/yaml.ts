// Reads a content YAML file into a document, with each syntax error placed at the line and column where the parser stopped.
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ContentProblem } from './problems';

export interface ReadYaml {
  doc: Document.Parsed;
  /** Line numbers (1-based) for offsets into the text, for problems found after parsing. */
  lines: LineCounter;
  /** Syntax errors and duplicate keys; empty when the document can be read on. */
  problems: ContentProblem[];
}

const HINT = 'check the indentation, and quote text that contains a colon followed by a space';
// The mistakes authors make most, in their words rather than the parser's.
const HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'put the text in quotes: a colon followed by a space starts a new key (or check the indentation)',
  MULTILINE_IMPLICIT_KEY: 'check the indentation of this line against the line above',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'close the quote or bracket opened on this line or just above',
};

export function readYaml(file: string, text: string): ReadYaml {
  const lines = new LineCounter();
  // prettyErrors would rewrite messages with a code excerpt; the position is taken from the offset instead.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problems = doc.errors.map((e): ContentProblem => {
    const { line, col } = lines.linePos(Math.min(e.pos[0], text.length));
    // A quoted text may run over several lines, so the parser only misses its closing quote at the end of the file.
    const opened = e.code === 'MISSING_CHAR' && /quote/.test(e.message) ? unclosedQuoteLine(text, line) : undefined;
    if (opened !== undefined) {
      return { file, line: opened, message: 'YAML syntax error: this quote is never closed', hint: 'add the closing quote at the end of the text, or remove the opening one' };
    }
    if (e.code === 'DUPLICATE_KEY') {
      return { file, line, message: 'the same key appears twice in one map (a duplicate id?)', hint: 'rename one of them: ids must be unique' };
    }
    return { file, line, message: `YAML syntax error at column ${col}: ${e.message.split('\n')[0]}`, hint: HINTS[e.code] ?? HINT };
  });
  return { doc, lines, problems };
}

/** The first line, up to `before`, whose value opens a double or single quote it does not close on that line. */
function unclosedQuoteLine(text: string, before: number): number | undefined {
  const all = text.split('\n');
  for (let i = 0; i < Math.min(before, all.length); i++) {
    const value = /^\s*(?:-\s+)?(?:[\w-]+:\s+)?(["'])(.*)$/.exec(all[i]!);
    if (!value) continue;
    const [, quote, rest] = value;
    // Inside double quotes a backslash escapes; inside single quotes a doubled quote is a literal one.
    const closed = quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/.test(rest!) : rest!.replace(/''/g, '').includes("'");
    if (!closed) return i + 1;
  }
  return undefined;
}

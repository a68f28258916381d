// Syntax errors in content YAML are placed where an author can fix them.
import { describe, expect, it } from 'vitest';
import { readYaml } from './yaml';

const at = (text: string) => readYaml('/c/x.yaml', text).problems.map((p) => `${p.line}: ${p.message}`);

describe('readYaml', () => {
  it('reads a valid file with no problems', () => {
    expect(at("a: 1\nb: \"two: and more\"\nc: 'it''s fine'\n")).toEqual([]);
  });

  it('places an unclosed quote on the line that opens it, double or single', () => {
    expect(at('a: 1\nb: "open\nc: 2\nd: 3\n')).toEqual(['2: YAML syntax error: this quote is never closed']);
    expect(at("a: 1\nb: fine\nc: 'it''s open\nd: 3\n")).toEqual(['3: YAML syntax error: this quote is never closed']);
    expect(at('a: "escaped \\" quote\nb: 2\n')).toEqual(['1: YAML syntax error: this quote is never closed']);
  });

  it('places other errors at the line and column where the parser stopped', () => {
    expect(at('a: 1\nb:\n  c: 2\n  d: It helped: really\n')).toEqual(['4: YAML syntax error at column 6: Nested mappings are not allowed in compact mappings']);
    expect(at('a: 1\na: 2\n')).toEqual(['2: the same key appears twice in one map (a duplicate id?)']);
  });
});

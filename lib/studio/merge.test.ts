// Combining two authors' edits: different lines merge, the same lines are left to the author.
import { describe, expect, it } from 'vitest';
import { mergeDrafts } from './merge';

const base = ['id: x', 'title: T', 'nodes:', '  a:', '    customer: Hello.', '    cue: Calm.', '    choices: []', 'endings: {}', ''].join('\n');
const edit = (from: string, to: string) => base.replace(from, to);

describe('mergeDrafts', () => {
  it('keeps both authors’ changes when they touch different lines', () => {
    const mine = edit('cue: Calm.', 'cue: Tense.');
    const theirs = edit('title: T', 'title: Their title');
    const merged = mergeDrafts(base, mine, theirs);
    expect(merged).toContain('cue: Tense.');
    expect(merged).toContain('title: Their title');
    expect(merged!.split('\n')).toHaveLength(base.split('\n').length);
  });

  it('gives up when both changed the same line, so nobody’s words are chosen silently', () => {
    expect(mergeDrafts(base, edit('Hello.', 'Mine.'), edit('Hello.', 'Theirs.'))).toBeUndefined();
  });

  it('takes theirs when nothing changed here, and mine when they changed nothing or the same', () => {
    const theirs = edit('Hello.', 'Theirs.');
    expect(mergeDrafts(base, base, theirs)).toBe(theirs);
    expect(mergeDrafts(base, theirs, base)).toBe(theirs);
    expect(mergeDrafts(base, theirs, theirs)).toBe(theirs);
  });
});

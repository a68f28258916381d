// How replies are searched: whole-word matches only, and patterns compiled once however they are written.
import { describe, expect, it } from 'vitest';
import { findAll, readReply, rx, words } from './nlp';

const said = (text: string, pattern: RegExp | string) => findAll(readReply(text), pattern).map((m) => text.slice(m.start, m.end));

describe('findAll', () => {
  it('matches whole words only, at both edges', () => {
    expect(said('A rebuttal, but no butter.', /but/)).toEqual(['but']);
    expect(said('The checkout page will check it.', /check/)).toEqual(['check']);
    expect(said("It's the customer's own card.", /s/)).toEqual([]);
  });

  it('finds every match, including ones that begin inside an earlier near miss', () => {
    expect(said('Sorry, so sorry, sorry again.', /sorry/)).toEqual(['Sorry', 'sorry', 'sorry']);
    // The first candidate starts mid-word ("xsorry"); the search must carry on one character later, not give up.
    expect(said('Xsorry, sorry.', /sorry/)).toEqual(['sorry']);
    expect(said('unsure, sure', /(?:un)?sure/)).toEqual(['unsure', 'sure']);
  });

  it('reads a pattern given as a string the same as one given as a RegExp', () => {
    const text = 'I will ring you back by four today, I promise.';
    expect(said(text, 'ring you(?: back)?')).toEqual(said(text, /ring you(?: back)?/));
    expect(said(text, 'ring you(?: back)?')).toEqual(['ring you back']);
  });

  it('gives capture groups and token positions', () => {
    const r = readReply('Let me check your order now.');
    const [m] = findAll(r, /let me ([a-z]+)/);
    expect(m!.groups).toEqual(['check']);
    expect(r.tokens[m!.first]!.text).toBe('Let');
    expect(r.tokens[m!.last]!.text).toBe('check');
  });
});

describe('rx', () => {
  const at = (v: string) => rx`you (?:${v}) it`;

  it('compiles a written pattern once while what is put into it stays the same', () => {
    expect(at('fix|sort')).toBe(at('fix|sort'));
    expect(at('fix|sort').source).toBe('you (?:fix|sort) it');
  });

  it('compiles it again when a value put into it changes', () => {
    const a = at('fix');
    const b = at('sort');
    expect(b).not.toBe(a);
    expect(b.test('you sort it')).toBe(true);
    expect(b.test('you fix it')).toBe(false);
  });

  it('keeps backslashes as a pattern means them', () => {
    expect(rx`\\bby ${'\\d'}`.test('by 4')).toBe(true);
    expect(rx`\\bby ${'\\d'}`.test('bby 4')).toBe(false);
  });
});

describe('words', () => {
  it('puts longer alternatives first, so the longest phrase wins', () => {
    const list = ['sorry', 'so sorry', 'a.m.'];
    expect(words(list)).toBe('(?:so sorry|sorry|a\\.m\\.)');
    expect(words(list)).toBe(words(list));
  });
});

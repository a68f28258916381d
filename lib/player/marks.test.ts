import { describe, expect, it } from 'vitest';
import { segments, signOf, type Finding } from './marks';

const f = (detector: string, delta: number, ...spans: [number, number][]): Finding => ({
  detector,
  skill: 'reflecting',
  delta,
  note: detector,
  spans: spans.map(([start, end]) => ({ start, end })),
});

describe('segments', () => {
  const text = 'Pat, I understand, but you should have called.';
  it('cuts the reply at every span edge and keeps all of its text, in order', () => {
    const name = f('names-customer', 1, [0, 3]);
    const but = f('yes-but', -1, [5, 22]);
    const blame = f('blames-customer', -2, [23, 38]);
    const out = segments(text, [name, but, blame]);
    expect(out.map((s) => s.text).join('')).toBe(text);
    expect(out.filter((s) => s.findings.length).map((s) => [s.text, s.findings.map((x) => x.detector)])).toEqual([
      ['Pat', ['names-customer']],
      ['I understand, but', ['yes-but']],
      ['you should have', ['blames-customer']],
    ]);
  });

  it('splits overlapping spans so each piece names every finding that covers it', () => {
    const out = segments('abcdef', [f('a', 1, [0, 4]), f('b', -1, [2, 6])]);
    expect(out.map((s) => [s.text, s.findings.map((x) => x.detector).join('+')])).toEqual([
      ['ab', 'a'],
      ['cd', 'a+b'],
      ['ef', 'b'],
    ]);
    expect(signOf(out[1]!.findings)).toBe('mixed');
  });

  it('ignores spans outside the text and returns unmarked text as one piece', () => {
    expect(segments('hello', [f('x', 1, [3, 99])]).map((s) => s.text)).toEqual(['hel', 'lo']);
    expect(segments('plain words', [])).toEqual([{ text: 'plain words', findings: [] }]);
  });
});

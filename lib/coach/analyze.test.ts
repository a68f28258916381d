// The coach's detectors on a case or two each, and what analyzeReply makes of their findings: spans, scores, suggestion.
import { describe, expect, it } from 'vitest';
import { analyzeReply, detectorIds, type DetectorId } from './analyze';
import { ctx, detectorCases, found } from './testing';

const cases = detectorCases();

describe('the coach’s detectors', () => {
  it('has cases for every detector', () => {
    expect(Object.keys(cases).sort()).toEqual([...detectorIds].sort());
  });

  for (const [id, c] of Object.entries(cases) as [DetectorId, (typeof cases)[DetectorId]][]) {
    it(`${id}: fires on what it should and not on lookalikes`, () => {
      const yesContext = ctx(c.context);
      for (const text of c.yes) expect(found(text, yesContext).has(id), `should find ${id} in: ${text}`).toBe(true);
      // Congratulations only count when the customer has shared good news.
      const noContext = id === 'congratulates' ? ctx({ clue: null }) : ctx(c.context);
      for (const text of c.no) expect(found(text, noContext).has(id), `should not find ${id} in: ${text}`).toBe(false);
    });
  }
});

describe('analyzeReply', () => {
  it('points at the exact words of each finding', () => {
    const text = 'Farida, I understand, but someone will get back to you.';
    const a = analyzeReply(text, ctx());
    const words = (id: DetectorId) => a.findings.find((f) => f.detector === id)!.spans.map((s) => text.slice(s.start, s.end));
    expect(words('names-customer')).toEqual(['Farida']);
    expect(words('yes-but')).toEqual(['I understand, but']);
    expect(words('vague-handoff')).toEqual(['someone will get back']);
  });

  it('keeps spans on the original text when it has curly apostrophes and line breaks', () => {
    const text = 'Dear Ms Benali,\n\nI’m so sorry we lost your bag. I’ll call you at 3 today.';
    const a = analyzeReply(text, ctx({ channel: 'email' }));
    const spans = a.findings.flatMap((f) => f.spans.map((s) => text.slice(s.start, s.end)));
    expect(spans).toEqual(expect.arrayContaining(['Ms Benali', 'sorry', 'I’ll call']));
  });

  it('sums findings into per-skill scores within -3…3 and flags empathy for the timing credit', () => {
    const good = analyzeReply('Farida, that must be so worrying after the second charge. I’m sorry we did that. I’ll refund it now.', ctx());
    expect(good.scores).toMatchObject({ reflecting: 2, apologizing: 2, ownership: 2, personalizing: 1 });
    expect(good.empathy).toBe(true);
    const bad = analyzeReply('You should have read the terms. Sorry if you feel that way. That is your fault, you didn’t check.', ctx());
    expect(bad.scores.apologizing).toBe(-3);
    expect(bad.empathy).toBe(false);
  });

  it('suggests the most useful next change, worst problem first', () => {
    expect(analyzeReply('You should have checked.', ctx()).suggestion).toMatch(/blame/i);
    expect(analyzeReply('I will refund it now, Farida.', ctx()).suggestion).toMatch(/feeling/i);
    expect(analyzeReply('I will refund it now, Farida.', ctx({ clue: { news: 'good' } })).suggestion).toMatch(/congratulation/i);
  });

  it('is deterministic and ignores text beyond the length limit', () => {
    const text = 'I’m sorry we charged you twice, Farida. Let’s sort it out together.';
    expect(analyzeReply(text, ctx())).toEqual(analyzeReply(text, ctx()));
    const padded = `${text} ${'x '.repeat(2000)}You should have read the terms.`;
    expect(found(padded).has('blames-customer')).toBe(false);
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contextAt } from '@/lib/scenario/coach-nodes';
import { scenarioCatalogue } from '@/lib/scenario/course';
import { analyzeReply } from './analyze';
import { ownWords } from './context';
import { evaluateContext, parseContextCorpus } from './evaluate';

const catalogue = scenarioCatalogue();
/** The coach's judgement of a reply at a real node of the course. */
function judged(scenario: string, node: string, reply: string, earlier: string[] = []) {
  const at = contextAt(catalogue.get(scenario), node, earlier)!;
  return analyzeReply(reply, at.context, at.turn).judgement!;
}

describe('what a reply says to this customer', () => {
  it('drops the lines a contact centre says to everyone, and keeps the rest', () => {
    expect(ownWords('Thank you for calling Brookvale Broadband, you’re speaking to Kerry. Two payments of £64.50 is not right.')).toBe('Two payments of £64.50 is not right.');
    expect(ownWords('Please note that calls may be recorded. Is there anything else I can help with today?')).toBe('');
    expect(ownWords('Your tent split at two in the morning with the girls inside.')).toBe('Your tent split at two in the morning with the girls inside.');
  });

  it('a greeting that names the company and the customer answers nothing they said', () => {
    expect(judged('double-charge', 'opening', 'Thank you for calling Brookvale Broadband, you’re speaking to Kerry. How can I help you today?').relevant).toBe(false);
    expect(judged('double-charge', 'opening', 'Two lots of £64.50 on one morning, and a bank fee on top? I’d be fuming too.').relevant).toBe(true);
  });

  it('naming the feeling the customer shows, in words of the rep’s own, engages with them; waving it away does not', () => {
    expect(judged('returns-desk', 'self-doubt', 'Honestly, there is nothing to feel silly about.').relevant).toBe(true);
    expect(judged('returns-desk', 'the-girls', 'You’re anxious they’ll never want to go again.').relevant).toBe(true);
    expect(judged('returns-desk', 'the-girls', 'Don’t worry about it.').relevant).toBe(false);
  });

  it('asking for security details the authored replies also ask for is not, by itself, an answer to the customer', () => {
    expect(judged('double-charge', 'opening', 'Could you give me your full name and date of birth to start with, please?').relevant).toBe(false);
  });
});

describe('the context checks on their tuning corpus', () => {
  // A floor a little under what they reach, so a change that makes them worse fails here; the held-out figures are in ADR 14.
  it('agree with a trainer at precision 0.88 and recall 0.78 or better', () => {
    const file = 'lib/coach/corpus/context.jsonl';
    const result = evaluateContext(parseContextCorpus(fs.readFileSync(file, 'utf8'), file), (l) => contextAt(catalogue.get(l.scenario), l.node, l.earlier));
    expect(result.replies).toBe(240);
    expect(result.precision).toBeGreaterThanOrEqual(0.88);
    expect(result.recall).toBeGreaterThanOrEqual(0.78);
  });
});

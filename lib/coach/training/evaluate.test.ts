import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coachNode } from '../nodes';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { CorpusError, evaluate, evaluateMapping, formatEvaluation, parseCorpus, parseParaphrases } from './evaluate';
import { nearestChoice } from '../match';

const line = (o: object) => JSON.stringify(o);

describe('coach evaluation', () => {
  it('counts true and false positives and negatives, judging only the detectors a line lists', () => {
    const lines = parseCorpus(
      [
        line({ text: 'Sorry if you feel that way.', customerName: 'Ann Lee', clue: null, expect: { 'non-apology': true, 'real-apology': false } }),
        line({ text: 'Someone will call you.', customerName: 'Ann Lee', clue: 'bad', expect: { 'non-apology': true } }),
        line({ text: 'Ann, I’m sorry if that upset you.', customerName: 'Ann Lee', clue: null, expect: { 'non-apology': false } }),
      ].join('\n'),
    );
    const e = evaluate(lines);
    const non = e.perDetector.find((d) => d.detector === 'non-apology')!;
    expect(non).toMatchObject({ tp: 1, fn: 1, fp: 1, tn: 0, precision: 0.5, recall: 0.5 });
    expect(e.perDetector.find((d) => d.detector === 'real-apology')).toMatchObject({ tp: 0, fp: 0, fn: 0, tn: 1 });
    expect(e.perDetector.find((d) => d.detector === 'jargon')).toMatchObject({ tp: 0, fp: 0, fn: 0, tn: 0 });
    expect(formatEvaluation(e).split('\n').at(-1)).toBe('coach: precision 0.50 recall 0.50 over 3 replies');
  });

  it('names the file and line of a bad corpus line and what is wrong', () => {
    expect(() => parseCorpus('{"text": "hi"', 'c.jsonl')).toThrow(/^c\.jsonl:1: not valid JSON/);
    expect(() => parseCorpus(`\n${line({ text: 'hi', expect: {} })}`, 'c.jsonl')).toThrow(/^c\.jsonl:2: customerName/);
    expect(() => parseCorpus(line({ text: 'hi', customerName: 'A', expect: { 'names-fealing': true } }), 'c.jsonl')).toThrow(CorpusError);
    expect(() => parseParaphrases('{"scenarioId": 1}', 'p.jsonl')).toThrow(/^p\.jsonl:1: scenarioId/);
  });

  it('maps a reply to the authored choice it rewords', () => {
    const choices = [
      { id: 'own-it', say: 'I’m sorry, we charged you twice. I’m refunding the second payment now.' },
      { id: 'blame', say: 'You must have pressed pay twice. You should check before you confirm.' },
      { id: 'stall', say: 'Someone from billing will get back to you in due course.' },
    ];
    const context = { customerName: 'Ann Lee', channel: 'chat' as const, clue: { news: 'bad' as const } };
    expect(nearestChoice('That double payment is our fault, sorry. I’m putting the money back right away.', choices, context).choiceId).toBe('own-it');
    expect(nearestChoice('You probably clicked the button two times; always check first.', choices, context).choiceId).toBe('blame');
    expect(nearestChoice('Billing will be in touch with you at some point.', choices, context).choiceId).toBe('stall');
    // An author's example of another phrasing pulls a reply to its choice.
    const withExample = [...choices.slice(0, 2), { ...choices[2]!, examples: ['I’ll leave a note for the accounts people.'] }];
    expect(nearestChoice('I’ll leave a note for the accounts people.', withExample, context).choiceId).toBe('stall');
  });
});

// The corpus and paraphrase set are the coach's acceptance figures (also printed by `npm run bench`).
describe('the coach on its labelled corpus', () => {
  it('reaches precision 0.9 and recall 0.8 for every detector', () => {
    const e = evaluate(parseCorpus(fs.readFileSync('lib/coach/training/corpus/replies.jsonl', 'utf8'), 'replies.jsonl'));
    expect(e.replies).toBeGreaterThanOrEqual(300);
    const below = e.perDetector.filter((d) => d.precision < 0.9 || d.recall < 0.8).map((d) => `${d.detector} p=${d.precision.toFixed(2)} r=${d.recall.toFixed(2)}`);
    expect(below).toEqual([]);
  });

  it('maps at least 85% of the paraphrases of authored choices to the choice they reword', () => {
    const catalogue = scenarioCatalogue();
    const result = evaluateMapping(parseParaphrases(fs.readFileSync('lib/coach/training/corpus/paraphrases.jsonl', 'utf8')), (scenarioId, nodeId) =>
      coachNode(catalogue.get(scenarioId), nodeId),
    );
    expect(result.total).toBeGreaterThanOrEqual(250);
    expect(result.agreement).toBeGreaterThanOrEqual(0.85);
  });
});

// The learned half of the coach: deterministic scores, weights the training script reproduces, findings that point at words.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeReply, type ReplyContext } from './analyze';
import { detectors } from './detectors';
import { parseCorpus } from './training/evaluate';
import { evidence, featuresOf, FEATURES_VERSION, modelFor, probability } from './model';
import { readReply } from './nlp';
import { CHOSEN, fit, formatModelFile, HIGH_THRESHOLD, stratifiedFolds, trainModelFile } from './training/train';

const ctx: ReplyContext = { customerName: 'Farida Benali', channel: 'chat', clue: { news: 'bad' } };
// A long story told in one sentence: the overshares rule counts sentences and the words it can see as the rep's
// story; the model reads the whole reply.
const LONG_STORY =
  'Ah, I know that feeling. My own landlord kept my deposit for three months when I moved out of my flat in Leeds, and I had to write letter after letter and ring the agency every single week before they finally paid it back, which nearly broke me.';
const ruleFound = (text: string, id: string) => detectors.find((d) => d.id === id)!.find(readReply(text), ctx).length > 0;

describe('the coach’s learned models', () => {
  it('give the same features, probabilities and findings on every run', () => {
    const text = 'Loads of folk trip up on that form. My sister did the same last year, so honestly, you are in good company.';
    const a = featuresOf(readReply(text));
    const b = featuresOf(readReply(text));
    expect([...a]).toEqual([...b]);
    const m = modelFor('normalizes')!;
    expect(probability(m, a)).toBe(probability(m, b));
    expect(analyzeReply(text, ctx)).toEqual(analyzeReply(text, ctx));
  });

  it('fit the same weights from the same examples', () => {
    const examples = ['someone will call you', 'I will call you at four', 'the team will get back to you', 'I have booked it'].map((t, i) => ({
      features: [...featuresOf(readReply(t)).keys()],
      label: i % 2 === 0,
    }));
    const options = { lambda: 0.01, minCount: 1, positiveWeight: 1, iterations: 50 };
    expect(fit(examples, options)).toEqual(fit(examples, options));
    expect(stratifiedFolds([true, false, true, false, false], 2, 7)).toEqual(stratifiedFolds([true, false, true, false, false], 2, 7));
  });

  it('are the weights the training script makes from the labelled replies', () => {
    const lines = parseCorpus(fs.readFileSync('lib/coach/training/corpus/replies.jsonl', 'utf8'), 'replies.jsonl');
    const committed = fs.readFileSync('lib/coach/model.json', 'utf8');
    expect(formatModelFile(trainModelFile(lines)) === committed, 'lib/coach/model.json is stale: run `npm run coach:train`').toBe(true);
    const file = JSON.parse(committed) as { features: number; detectors: Record<string, { mode: string; threshold: number }> };
    expect(file.features).toBe(FEATURES_VERSION);
    for (const [id, mode] of Object.entries(CHOSEN)) {
      if (mode === 'rule') expect(file.detectors[id]).toBeUndefined();
      else expect(file.detectors[id]).toMatchObject({ mode, threshold: HIGH_THRESHOLD });
    }
  }, 60_000);

  it('point a finding the rule did not make at the clause whose words weigh most, with the rule’s note', () => {
    expect(ruleFound(LONG_STORY, 'overshares')).toBe(false);
    const finding = analyzeReply(LONG_STORY, ctx).findings.find((f) => f.detector === 'overshares');
    expect(finding).toBeDefined();
    expect(finding!.note).toBe(detectors.find((d) => d.id === 'overshares')!.says!.note);
    expect(finding!.delta).toBe(-1);
    expect(finding!.spans).toHaveLength(1);
    const said = LONG_STORY.slice(finding!.spans[0]!.start, finding!.spans[0]!.end);
    // Whole words, inside one sentence, starting and ending on a word.
    expect(said).toMatch(/^\w.*\w$/);
    expect(said).not.toContain('. ');
    expect(said).toBe('My own landlord kept my deposit for three months when I moved out of my flat in Leeds');
  });

  it('choose the clause by the weights of the features in it, and widen a clause of a word or two to its sentence', () => {
    const r = readReply('Thanks for calling. Honestly, my dog ate the letter. Anything else?');
    const dog = { weights: { 'w:dog': 2, 'w:thanks': 0.5 } };
    const at = (s: { start: number; end: number }) => r.text.slice(s.start, s.end);
    expect(at(evidence(r, dog, featuresOf(r)))).toBe('my dog ate the letter');
    expect(at(evidence(r, { weights: { 'w:honestly': 3 } }, featuresOf(r)))).toBe('Honestly, my dog ate the letter');
  });

  it('never leave a brief relate beside an overshare of the same story', () => {
    const found = new Set(analyzeReply(LONG_STORY, ctx).findings.map((f) => f.detector));
    expect(found.has('overshares')).toBe(true);
    expect(found.has('relates')).toBe(false);
  });

  it('stay out of detectors left rule-only', () => {
    for (const [id, mode] of Object.entries(CHOSEN)) if (mode === 'rule') expect(modelFor(id)).toBeUndefined();
  });
});

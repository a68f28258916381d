import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contextAt } from './nodes';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { analyzeReply } from './analyze';
import { nearCopy } from './copies';
import { ownWords } from './stock';
import { contextCases } from './testing';
import { evaluateContext, parseContextCorpus, relevanceExamples } from './training/evaluate';
import { relevanceModel } from './relevance';
import { RELEVANCE_CORPORA, trainRelevance } from './training/train';

const catalogue = scenarioCatalogue();
/** The coach's judgement of a reply at a real node of the course. */
function judged(scenario: string, node: string, reply: string, earlier: string[] = []) {
  const at = contextAt(catalogue.get(scenario), node, earlier)!;
  return analyzeReply(reply, at.context, at.turn).judgement!;
}

const cases = contextCases();

describe('what is left of a reply once the lines a contact centre says to everyone are dropped', () => {
  it.each(cases.ownWords)('$why', ({ said, kept }) => {
    expect(ownWords(said)).toBe(kept);
  });
});

describe('whether a reply answers what this customer said', () => {
  it.each(cases.relevance)('$why', ({ scenario, node, reply, relevant }) => {
    expect(judged(scenario, node, reply).relevant).toBe(relevant);
  });

  it('asking for security details is an answer only where the customer is asking about proving who they are', () => {
    const checks = { facts: ['haven’t asked me anything', 'say they’re me'], customerLine: 'Anyone could ring up and say they’re me.' };
    const elsewhere = { facts: ['trip money', 'due Friday'], customerLine: 'The trip money’s due Friday.' };
    expect(ownWords('Can I take your full name and date of birth?', checks)).toBe('Can I take your full name and date of birth?');
    expect(ownWords('Can I take your full name and date of birth?', elsewhere)).toBe('');
  });
});

describe('a pasted reply, reworded', () => {
  it('is a near copy when nearly every word that carries it comes back, in any order', () => {
    expect(nearCopy("E-07's usually the controller. Shall I book you in for the first free slot and grab a mobile number?", 'Shall I book you in for the first slot and take a mobile number?')).toBe(true);
    expect(nearCopy("They do need to hear it from you directly, I'm afraid, that's how they build the claim.", "They do need to hear it directly from you I'm afraid, that's how the claim gets built.")).toBe(true);
  });

  it('is not one when the message has moved on', () => {
    expect(nearCopy("I'll raise the refund for the second payment now.", "The bank fee is coming back to you as well, and I've put a note on the account.")).toBe(false);
    expect(nearCopy('Thanks.', 'Thanks for waiting, Yusuf, I have found both payments.')).toBe(false);
  });
});

describe('the rep’s own story', () => {
  it('owning a slip in this conversation is not a story', () => {
    expect(judged('refund-outside-policy', 'walk-back', "Noor, I owe you an apology - I promised a refund before checking, and I can't get one approved this late.").misfits).not.toContain('relates');
    expect(judged('returns-desk', 'fobbed-off', "It's not leaving this shop. I've seen the damage with my own eyes, so your money goes back to your card now.").misfits).not.toContain('relates');
  });

  it('where relating fits, a story that never comes back to the customer misfits, and one that does, fits', () => {
    const alone = judged('returns-desk', 'the-girls', 'Aw, my first camping trip was a disaster too, we got flooded out in Wales and my brother lost his shoes in a river!');
    expect(alone.misfits).toContain('relates');
    expect(alone.story).toBe('ends-on-you');
    expect(judged('returns-desk', 'the-girls', 'My first ever camping trip ended with a flooded tent too, and I ended up loving it. A dry night in the back garden might win Pia back round.').misfits).not.toContain('relates');
  });

  it('a story followed by a next step for the customer comes back to them, whatever words the step uses', () => {
    const story = 'I had exactly the same when I switched phones last year, so I know how maddening it is.';
    expect(judged('locked-out', 'phone-changed', `${story} Let's get your new phone registered so you can set up that payee, Tomasz.`).misfits).not.toContain('relates');
    const alone = judged('locked-out', 'phone-changed', `${story} What a week that was!`);
    expect(alone.misfits).toContain('relates');
    expect(alone.story).toBe('ends-on-you');
  });
});

describe('the context checks on the sets they were tuned on', () => {
  // The tuning corpus and the held-out sets already measured (each is tuned on only once a fresh one exists): a floor a
  // little under what they reach together, so a change that makes them worse fails here. Fresh figures are in ADR 14.
  it('agree with a trainer at precision 0.88 and recall 0.82 or better', () => {
    const lines = ['context.jsonl', 'context-holdout.jsonl', 'context-holdout-2.jsonl', 'context-holdout-3.jsonl'].flatMap((f) => {
      const file = `lib/coach/training/corpus/${f}`;
      return parseContextCorpus(fs.readFileSync(file, 'utf8'), file);
    });
    const result = evaluateContext(lines, (l) => contextAt(catalogue.get(l.scenario), l.node, l.earlier));
    expect(result.replies).toBe(960);
    expect(result.precision).toBeGreaterThanOrEqual(0.88);
    expect(result.recall).toBeGreaterThanOrEqual(0.82);
  });
});

describe('the relevance model', () => {
  it('is the one the training script fits to the labelled turns, never to the newest held-out set', () => {
    const lines = RELEVANCE_CORPORA.flatMap((f) => parseContextCorpus(fs.readFileSync(`lib/coach/training/corpus/${f}`, 'utf8'), f));
    const fitted = trainRelevance(relevanceExamples(lines, (l) => contextAt(catalogue.get(l.scenario), l.node, l.earlier)));
    expect(relevanceModel).toEqual(JSON.parse(JSON.stringify(fitted)));
    expect(relevanceModel.trainedOn).not.toContain('context-holdout-4.jsonl');
    expect(relevanceModel.trainedOn).not.toContain('context-holdout-5.jsonl');
  });
});

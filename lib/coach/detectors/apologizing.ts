// The detectors of apologizing (P15): a real apology, a non-apology, and blame put on the customer.
import { blameMatches } from '../blame';
import type { Span } from '../detectors';
import { negatedAt, pastForm } from '../grammar';
import { findAll, sentenceText, words, type Reading } from '../nlp';
import { WORK } from '../stories';
import { dedupe, detectorsOf, saysAt, span } from './spans';

const p15 = detectorsOf('apologizing', 'P15');

const APOLOGY = '(?:sorry|apologise|apologize|apologies|apology|apologising|apologizing)';
const NON_APOLOGY = [
  `sorry (?:that )?you (?:feel|felt|are feeling|were feeling|think|thought|interpreted|took|read|see|saw|perceive|perceived|found|find|view|viewed|believe|consider)`,
  `sorry (?:that )?you (?:are|were|have been) (?:so |very |a bit |feeling )?(?:upset|unhappy|disappointed|frustrated|annoyed|dissatisfied|not happy|offended|confused|angry|displeased|put out|inconvenienced)`,
  `sorry (?:that )?you (?:had|have had|experienced|have experienced) (?:a|an|such a|what you feel was a) (?:bad|poor|negative|disappointing|frustrating|unpleasant|less than|unsatisfactory)`,
  `(?:sorry|apologi[sz]e|apologies) if`,
  `(?:sorry|apologise|apologize|apologies|apology) (?:for|about) any`,
  `any inconvenience`,
  `inconvenience (?:this|that|it) (?:may|might) have caused`,
  `sorry (?:that |for )?(?:this|that|it) (?:was|has been|is) (?:an? )?(?:inconvenience|frustrating for you|upsetting for you)`,
  `sorry for how you feel`,
  `sorry (?:that )?(?:this|that|it) (?:came across|was received|felt that way)`,
];

/** Owning the fault, said near an apology: what makes it a real one ("I'm sorry, we sent it to the wrong address"). */
const OWNS_IT = new RegExp(
  `\\b(?:i|we) (?:have |had |did |was |were |am |are )?(?:not )?(?:${words([
    'charged', 'sent', 'gave', 'told', 'got', 'made', 'missed', 'lost', 'forgot', 'failed', 'let', 'should', 'did', 'put',
    'took', 'kept', 'left', 'messed', 'mixed', 'cancelled', 'canceled', 'booked', 'delivered', 'promised', 'said', 'dropped',
    'overcharged', 'blocked', 'locked', 'caused', 'broke', 'damaged', 'delayed', 'mislabelled', 'mislabeled', 'posted',
    'misread', 'ignored', 'did not', 'have not', 'had not', 'never', 'owe', 'got it wrong', 'gave you', 'sent you',
  ])})\\b|\\b(?:our|my) (?:${words([
    'mistake', 'fault', 'error', 'end', 'side', 'system', 'team', 'driver', 'courier', 'staff', 'technician', 'engineer',
    'colleague', 'process', 'letter', 'email', 'website', 'app', 'oversight', 'part', 'doing', 'responsibility', 'slip',
    'bad', 'shop', 'store', 'branch', 'delivery', 'failure',
  ])})\\b|\\b(?:that|this|it) (?:was|is) (?:on us|on me|down to us|down to me|our fault|my fault|our mistake|my mistake|our error|my error|not good enough|not okay|not ok|unacceptable)\\b|\\b(?:nobody|no one|none of us) (?:here |from (?:us|our [a-z]+) )?(?:[a-z]+ed|told|rang|got|gave|came|took|sent|said)\\b|\\bone of (?:our|my) [a-z]+\\b|\\blet you down\\b|\\bgot (?:this|that|it) wrong\\b|\\bdropped the ball\\b|\\bshould have\\b|\\bshould not have\\b|\\bshould never have\\b`,
);

export const nonApology = p15('non-apology', {
  find(r) {
    const hits = NON_APOLOGY.flatMap((p) => findAll(r, p)).filter((m) => !negatedAt(r, m));
    if (hits.length === 0) return [];
    return [
      {
        delta: -2,
        spans: dedupe(hits.map(span)),
        note: 'This apologises for their reaction, not for what happened: it reads as "the problem is you". Own the specific thing instead.',
      },
    ];
  },
});

/** "we wrote the wrong name", "our form wiped it", "it's taken us this long": the rep's side did something. */
function ownsInSentence(r: Reading, sentence: number): boolean {
  const s = r.sentences[sentence]!;
  const toks = r.tokens.slice(s.firstToken, s.lastToken + 1);
  return toks.some((t, i) => {
    if ((t.norm === 'our' || t.norm === 'my') && ['NOUN', 'PROPN', 'ADJ'].includes(toks[i + 1]?.pos ?? '')) return true;
    if (t.norm === 'us' && i > 0 && toks[i - 1]!.pos === 'VERB') return true;
    if (t.norm !== 'we' && t.norm !== 'i') return false;
    const next = toks.slice(i + 1, i + 4);
    return next.some((n) => n.pos === 'VERB' && pastForm(n) && !['feel', 'think', 'hear', 'understand', 'know', 'see', 'hope', 'want'].includes(n.lemma)) || next.some((n) => ['should', 'never'].includes(n.norm));
  });
}

// Words that say something went wrong, which turn "I've sent…" from the fix into the fault.
const FAULT = /\b(?:wrong|mistake|error|fault|should|by accident|accidentally|forgot|failed|twice|late|never|not)\b/;
// "Sorry for the wait", "sorry about keeping you": the apology names the thing.
const SORRY_FOR_THING = /(?:sorry|apologi[sz]e|apologies) (?:for|about) (?:the|our|my|this|that|all the|keeping|not|sending|giving|making|charging|missing|losing|taking|the way|how)/;

export const realApology = p15('real-apology', {
  empathy: true,
  find(r) {
    const apologies = findAll(r, APOLOGY).filter((m) => !negatedAt(r, m));
    const nonApologies = NON_APOLOGY.flatMap((p) => findAll(r, p));
    const spans: Span[] = [];
    for (const a of apologies) {
      if (nonApologies.some((n) => n.first <= a.last && a.first <= n.last)) continue;
      // "sorry to hear" is sympathy; it owns nothing.
      if (/^(?:sorry|apologies) to (?:hear|learn|see|read)/.test(r.flat.slice(r.flatStart[a.first]!))) continue;
      const sentence = r.tokens[a.first]!.sentence;
      const near = r.sentences[sentence]!;
      const neighbour = r.sentences[sentence + 1];
      const scope = r.flat.slice(
        r.flatStart[near.firstToken]!,
        neighbour && neighbour.lastToken - a.first < 30 ? r.flatStart[neighbour.lastToken]! + r.tokens[neighbour.lastToken]!.norm.length : r.flatStart[near.lastToken]! + r.tokens[near.lastToken]!.norm.length,
      );
      // "I'm so sorry about your dog. I've cancelled the reminders now": sympathy, then the work; owning needs a fault.
      const ownSentence = sentenceText(r, sentence);
      const nextSentence = neighbour && neighbour.lastToken - a.first < 30 ? sentenceText(r, sentence + 1) : '';
      const before = sentence > 0 ? sentenceText(r, sentence - 1) : '';
      if (nextSentence && WORK.test(nextSentence) && !FAULT.test(nextSentence) && !OWNS_IT.test(ownSentence) && !OWNS_IT.test(before) && !ownsInSentence(r, sentence) && !SORRY_FOR_THING.test(ownSentence)) continue;
      if (OWNS_IT.test(scope) || OWNS_IT.test(before) || ownsInSentence(r, sentence) || SORRY_FOR_THING.test(scope)) {
        spans.push(span(a));
      }
    }
    if (spans.length === 0) return [];
    return [{ delta: 2, spans, note: 'A real apology: you owned what went wrong, which is what lets them stop arguing the point.' }];
  },
});

export const blamesCustomer = p15(
  'blames-customer',
  saysAt(
    blameMatches,
    { delta: -2, note: 'This puts the fault on them. Even when they slipped, blame makes them defend themselves instead of working with you.' },
  ),
);

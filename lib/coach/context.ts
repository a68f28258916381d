// Judges a reply against the turn it answers: does it engage with what the customer just said, does each move fit the moment, is it new?
import type { SkillId } from '@/lib/content/curriculum';
import type { Finding, Span } from './detectors';
import type { Reading } from './nlp';
import { readReply } from './nlp';

import type { Fit } from './fits';

/** What a turn is about, as its author states it on the node (`about:`). */
export interface Turn {
  /** The things this turn is about, in the customer's words ("school trip", "bank fee"). */
  facts: string[];
  /** What the customer asked, if they asked something. */
  asks?: string;
  fits: readonly Fit[];
  /** The customer's line, to tell a reply that only echoes it back. */
  customerLine: string;
  /** The customer's first name, for feedback. */
  firstName: string;
  /** Whether the customer has shown a feeling that is still unanswered. */
  feelingOpen: boolean;
  /** The learner's earlier typed replies in this attempt, with what the coach found in each. */
  earlier: readonly { text: string; detectors: readonly string[] }[];
  /** The skills the scenario scores: a pasted reply costs language, or personalizing where language is not scored. */
  scored?: ReadonlySet<string>;
}

export const contextIds = ['off-topic', 'repeats', 'parrots', 'misfit'] as const;
export type ContextId = (typeof contextIds)[number];

export interface Judgement {
  /** The reply touches what this turn is about: a fact, the question, or the open feeling. */
  relevant: boolean;
  /** A near copy of an earlier reply in this attempt. */
  repeats: boolean;
  /** Mostly the customer's own words handed back. */
  parrots: boolean;
  /** Detectors whose finding does not fit this moment. */
  misfits: string[];
}

// Content words that say nothing about which conversation this is: a template can carry them anywhere.
const GENERIC = new Set([
  'be', 'have', 'do', 'get', 'go', 'make', 'take', 'let', 'can', 'will', 'would', 'could', 'should', 'may', 'might', 'must',
  'thing', 'things', 'problem', 'issue', 'situation', 'help', 'sort', 'fix', 'look', 'check', 'call', 'back', 'today', 'now',
  'time', 'day', 'way', 'really', 'very', 'so', 'just', 'right', 'sure', 'know', 'see', 'hear', 'feel', 'understand', 'think',
  'sorry', 'apologise', 'apologize', 'thank', 'thanks', 'please', 'yes', 'no', 'okay', 'ok', 'well', 'good', 'bad', 'wrong',
  'together', 'side', 'able', 'happy', 'glad', 'completely', 'totally', 'absolutely', 'definitely', 'certainly', 'update',
  'email', 'ring', 'phone', 'today', 'tomorrow', 'afternoon', 'morning', 'hour', 'minute', 'personally', 'ownership', 'first',
  'one', 'lot', 'bit', 'something', 'everything', 'anything', 'all', 'also', 'again', 'still', 'even', 'here', 'there',
  'want', 'need', 'say', 'tell', 'ask', 'mean', 'like', 'try', 'keep', 'give', 'come', 'put', 'work', 'happen', 'shoe',
]);
const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN', 'NUM']);

/** The words of a text that could tie it to one conversation: content lemmas and their surface forms. */
function keyWords(r: Reading): Set<string> {
  const out = new Set<string>();
  for (const t of r.tokens) {
    if (!CONTENT_POS.has(t.pos) || !/[a-z0-9]/.test(t.norm)) continue;
    for (const w of [t.lemma, t.norm]) if (!GENERIC.has(w) && w.length > 1) out.add(w);
  }
  return out;
}

const factCache = new Map<string, Set<string>>();
function factWords(fact: string): Set<string> {
  let hit = factCache.get(fact);
  if (!hit) {
    hit = keyWords(readReply(fact));
    if (factCache.size > 5000) factCache.clear();
    factCache.set(fact, hit);
  }
  return hit;
}

const plainWords = (text: string) => text.toLowerCase().replace(/[’']/g, "'").match(/[a-z0-9']+/g) ?? [];

function shingles(ws: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) out.add(ws.slice(i, i + n).join(' '));
  return out;
}

/** Share of `a`'s shingles that also appear in `b`. */
function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / a.size;
}

/** A near copy: the same words in the same order for most of either reply. */
export function nearCopy(a: string, b: string): boolean {
  const wa = plainWords(a);
  const wb = plainWords(b);
  if (wa.length < 6 || wb.length < 6) return wa.join(' ') === wb.join(' ') && wa.length > 0;
  const sa = shingles(wa, 3);
  const sb = shingles(wb, 3);
  return containment(sa, sb) >= 0.6 || containment(sb, sa) >= 0.6;
}

/** Mostly the customer's own sentence handed back: at least half the reply's four-word runs are theirs. */
export function parrots(reply: string, customerLine: string): boolean {
  const wr = plainWords(reply);
  if (wr.length < 4) return false;
  return containment(shingles(wr, 4), shingles(plainWords(customerLine), 4)) >= 0.5;
}

// A promise with a time or an outcome in it, as against "let me look".
const PROMISE = /\b(?:by|before|within|until|till)\s+(?:\d|noon|midday|lunch|the end|end of|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this)|\b\d{1,2}(?::\d\d)?\s*(?:am|pm|o'clock)\b|\b(?:call|ring|phone|email|text|get back to)\s+you\s+back\b|\b(?:call|ring|phone|email|text)\s+you\s+(?:today|tomorrow|this|later|by)\b|\b(?:today|tomorrow|this afternoon|this evening)\b/i;

export function judge(reading: Reading, findings: readonly Finding[], turn: Turn): Judgement {
  const mine = keyWords(reading);
  const facts = [...turn.facts, ...(turn.asks ? [turn.asks] : [])];
  const touchesFact = facts.some((f) => [...factWords(f)].some((w) => mine.has(w)));
  const found = new Set(findings.map((f) => f.detector));
  const touchesFeeling = turn.feelingOpen && found.has('names-feeling');
  const misfits: string[] = [];
  const fits = new Set(turn.fits);
  if (found.has('real-apology') && !fits.has('apology')) misfits.push('real-apology');
  if (found.has('normalizes') && !fits.has('normalizing')) misfits.push('normalizes');
  if (found.has('relates') && (!fits.has('relating') || turn.earlier.some((e) => e.detectors.includes('relates')))) misfits.push('relates');
  if (found.has('commits-action') && !fits.has('commitment') && PROMISE.test(reading.text)) misfits.push('commits-action');
  return {
    relevant: touchesFact || touchesFeeling,
    repeats: turn.earlier.some((e) => nearCopy(e.text, reading.text)),
    parrots: parrots(reading.text, turn.customerLine),
    misfits,
  };
}

const whole = (text: string): Span[] => [{ start: 0, end: text.length }];

const MISFIT_NOTES: Record<string, (first: string, earlier: boolean) => string> = {
  'real-apology': (first) => `Nothing has gone wrong on our side at this point, so an apology here sounds scripted; answer what ${first} said instead.`,
  normalizes: (first) => `${first} is not blaming themselves here, so "that's normal" brushes past what they said.`,
  relates: (_, earlier) => (earlier ? 'You have already told a story of your own; a second one turns the call towards you.' : 'A story of your own does not help here; keep the focus on them.'),
  'commits-action': () => 'You promised a time before you know what you are committing to; find out what is needed first.',
  congratulates: (first) => `${first} has not shared good news; congratulating them here jars with what they are going through.`,
};

/**
 * Applies the judgement: a reply that repeats an earlier one or echoes the customer earns nothing
 * and costs language (or personalizing, where language is not scored); one that does not engage
 * with the turn earns no positive credit; each misfit move costs a point on its own skill.
 */
export function inContext(text: string, findings: Finding[], j: Judgement, turn: Turn, congratulated: Span[]): Finding[] {
  const out: Finding[] = [];
  const voidReason = j.repeats
    ? 'not counted: you have sent this reply before'
    : j.parrots
      ? "not counted: these are the customer's own words"
      : !j.relevant
        ? `not counted: this doesn't answer what ${turn.firstName} just told you`
        : undefined;
  for (const f of findings) {
    if (j.misfits.includes(f.detector) && f.detector !== 'congratulates') {
      out.push({ ...f, delta: -1, note: MISFIT_NOTES[f.detector]!(turn.firstName, f.detector === 'relates' && turn.earlier.some((e) => e.detectors.includes('relates'))) });
    } else if (voidReason && f.delta > 0) {
      out.push({ ...f, delta: 0, note: `${f.note} (${voidReason}.)` });
    } else out.push(f);
  }
  if (congratulated.length > 0) {
    out.push({ detector: 'misfit', skill: 'reflecting', delta: -2, spans: congratulated, note: MISFIT_NOTES.congratulates!(turn.firstName, false) });
  }
  const language: SkillId = !turn.scored || turn.scored.has('language') || !turn.scored.has('personalizing') ? 'language' : 'personalizing';
  if (j.repeats) {
    out.push({ detector: 'repeats', skill: language, delta: -2, spans: whole(text), note: 'The same reply again: a pasted answer tells the customer nobody is listening. Answer what they just said.' });
  } else if (j.parrots) {
    out.push({ detector: 'parrots', skill: language, delta: -2, spans: whole(text), note: `That hands ${turn.firstName}'s own words back without adding anything; say what you understood, in your words.` });
  } else if (!j.relevant) {
    out.push({ detector: 'off-topic', skill: 'personalizing', delta: 0, spans: [], note: `This doesn't answer what ${turn.firstName} just told you: mention what they raised (${turn.facts.slice(0, 2).join(', ')}) or how they feel.` });
  }
  return out;
}

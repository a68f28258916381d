// Judges a reply against the turn it answers: does it engage with what the customer just said, does each move fit the moment, is it new?
import type { SkillId } from '@/lib/curriculum';
import type { Fit } from '@/lib/scenario/fits';
import { nearCopy, parrots } from './copies';
import type { Finding, Span } from './detectors';
import type { Reading } from './nlp';
import { readReply } from './nlp';
import { promises } from './promises';
import { engages, relevanceFeatures } from './relevance';

/** What a turn is about, as its author states it on the node (`about:`). */
export interface Turn {
  /** The things this turn is about, in the customer's words ("school trip", "bank fee"). */
  facts: string[];
  /** What the customer asked, if they asked something. */
  asks?: string;
  fits: readonly Fit[];
  /** The customer's line, to tell a reply that only echoes it back; its particular words are part of the turn too. */
  customerLine: string;
  /**
   * What else this turn stands on: what the customer said earlier on the way here, and the authored replies
   * to this turn. Their particulars (the £64.50, the bike, Flat 3) count as engaging; no pasted reply has them.
   */
  background?: readonly string[];
  /** The authored replies to this turn: their amounts and numbers count as engaging. */
  options?: readonly string[];
  /** Whether the customer has shared good news by this point, so a congratulation can fit. */
  goodNews?: boolean;
  /** The share of the story's turns that say a word: the parcel, the tent and the refund tie a reply to the story, not to this moment. */
  spread?: (word: string) => number;
  /** The customer's first name, for feedback. */
  firstName: string;
  /** The customer's full name: no part of it makes a reply engage with the turn. */
  customerName: string;
  /** The feeling the customer shows at this node (its `clue:`), if any: naming it in any words engages with them. */
  feeling?: string;
  /** Whether the customer has shown a feeling that is still unanswered. */
  feelingOpen: boolean;
  /** The learner's earlier typed replies in this attempt, with what the coach found in each. */
  earlier: readonly { text: string; detectors: readonly string[] }[];
  /** Whether the reply says what one of the authored replies to this turn says: then it answers the turn. */
  closeToAuthored?: boolean;
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
  /** Why a story of the rep's own misfits: a second story, no place for one here, or one that never comes back to them. */
  story?: 'second' | 'here' | 'ends-on-you';
}

/** Whether a reply shares anything with the turn: a word of it, their amount, or their feeling. */
const touchesTurn = (features: readonly string[]) => !features.includes('no-word') || features.includes('amount') || features.includes('their-feeling');

/**
 * Whether, outside the sentences where the rep's stories start, nothing in the reply comes back to this customer:
 * the story is the whole answer ("I know exactly how you feel! Last Christmas mine went missing too…").
 */
function endsOnYou(reading: Reading, findings: readonly Finding[], turn: Turn): boolean {
  const starts = findings.filter((f) => f.detector === 'relates' || f.detector === 'overshares').flatMap((f) => f.spans.map((sp) => sp.start));
  const rest = reading.text
    .split(/(?<=[.!?])\s+|\n+/)
    .reduce<{ at: number; kept: { from: number; to: number; text: string }[] }>(
      (acc, sentence) => {
        const from = reading.text.indexOf(sentence, acc.at);
        const to = from + sentence.length;
        if (!starts.some((s) => s >= from && s < to)) acc.kept.push({ from, to, text: sentence });
        return { at: to, kept: acc.kept };
      },
      { at: 0, kept: [] },
    ).kept;
  if (rest.length === 0) return true;
  // A next step for them, a check or a plan made together, said outside the story, brings it back to them however
  // it is worded ("Let's get your new phone registered so you can set up that payee").
  const outside = (at: number) => rest.some((r) => at >= r.from && at < r.to);
  if (findings.some((f) => BACK_TO_THEM.has(f.detector) && f.delta > 0 && f.spans.some((sp) => outside(sp.start)))) return false;
  return !touchesTurn(relevanceFeatures(readReply(rest.map((r) => r.text).join(' ')), [], turn));
}

/** Findings that, outside the rep's story, turn the reply back to the customer's problem. */
const BACK_TO_THEM = new Set(['commits-action', 'together', 'recaps', 'names-feeling']);

// Naming how they feel, or their own amount or reference, answers them whatever the model makes of the rest.
const answersThem = (features: readonly string[]) => features.includes('their-feeling') || features.includes('amount') || engages(features);

export function judge(reading: Reading, findings: readonly Finding[], turn: Turn): Judgement {
  const found = new Set(findings.map((f) => f.detector));
  const misfits: string[] = [];
  const fits = new Set(turn.fits);
  if (found.has('real-apology') && !fits.has('apology')) misfits.push('real-apology');
  if (found.has('normalizes') && !fits.has('normalizing')) misfits.push('normalizes');
  // A story of their own helps only where relating fits, only once, and only when it leads back to them.
  const told = (detectors: { has(d: string): boolean }) => detectors.has('relates') || detectors.has('overshares');
  const story = !told(found)
    ? undefined
    : turn.earlier.some((e) => told(new Set(e.detectors)))
      ? 'second'
      : !fits.has('relating')
        ? 'here'
        : endsOnYou(reading, findings, turn)
          ? 'ends-on-you'
          : undefined;
  if (story) misfits.push('relates');
  // A time is a promise only once the rep knows what they can do; swearing to an outcome never is one they can keep.
  if (promises(reading.text, !fits.has('commitment')).length > 0) misfits.push('commits-action');
  // A string of keywords with no one speaking in it answers nobody, whatever words it has.
  const salad = reading.tokens.filter((t) => /\w/.test(t.text)).length >= 5 && !reading.tokens.some((t) => ['PRON', 'DET', 'AUX', 'ADP'].includes(t.pos));
  return {
    story,
    relevant: turn.closeToAuthored || (!salad && answersThem(relevanceFeatures(reading, findings, turn))),
    repeats: turn.earlier.some((e) => nearCopy(e.text, reading.text)),
    parrots: parrots(reading.text, turn.customerLine),
    misfits,
  };
}

const whole = (text: string): Span[] => [{ start: 0, end: text.length }];

const STORY_NOTES: Record<NonNullable<Judgement['story']>, (first: string) => string> = {
  second: () => 'You have already told a story of your own; a second one turns the call towards you.',
  here: () => 'A story of your own does not help here; keep the focus on them.',
  'ends-on-you': (first) => `The story ends on you: bring it back to ${first} and what they are dealing with.`,
};

const MISFIT_NOTES: Record<string, (first: string, j: Judgement) => string> = {
  'real-apology': (first) => `Nothing has gone wrong on our side at this point, so an apology here sounds scripted; answer what ${first} said instead.`,
  normalizes: (first) => `${first} is not blaming themselves here, so "that's normal" brushes past what they said.`,
  relates: (first, j) => STORY_NOTES[j.story ?? 'here'](first),
  'commits-action': () => 'That promises an outcome you cannot be sure of yet; say what you will do and when you will tell them where it stands.',
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
      out.push({ ...f, delta: -1, note: MISFIT_NOTES[f.detector]!(turn.firstName, j) });
    } else if (voidReason && f.delta > 0) {
      out.push({ ...f, delta: 0, note: `${f.note} (${voidReason}.)` });
    } else out.push(f);
  }
  if (j.misfits.includes('commits-action') && !findings.some((f) => f.detector === 'commits-action')) {
    out.push({ detector: 'misfit', skill: 'ownership', delta: -1, spans: promises(text, !turn.fits.includes('commitment')), note: MISFIT_NOTES['commits-action']!(turn.firstName, j) });
  }
  if (congratulated.length > 0) {
    out.push({ detector: 'misfit', skill: 'reflecting', delta: -2, spans: congratulated, note: MISFIT_NOTES.congratulates!(turn.firstName, j) });
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

// The empathy coach: reads a typed reply and says, with the exact words, what earned or cost each point.
import type { SkillId } from '@/lib/curriculum';
import { inContext, judge, type Judgement, type Turn } from './context';
import { detectors, empathyDetectors, type DetectorId, type Finding, type ReplyContext } from './detectors';
import { evidence, featuresOf, fires, modelFor, probability } from './model';
import { readReply, type Reading } from './nlp';

export type { DetectorId, Finding, ReplyContext, Span } from './detectors';
export type { Judgement, Turn } from './context';
export type { Fit } from '@/lib/scenario/fits';
import { GOOD_NEWS } from '@/lib/scenario/fits';
import { MAX_REPLY_LENGTH } from './limits';
export { detectorIds } from './detectors';

export interface Analysis {
  findings: Finding[];
  /** The reply's score on each skill it touched, each within -3…3, like an authored choice's. */
  scores: Partial<Record<SkillId, number>>;
  /** True when the reply offers empathy in the engine's sense (answering an open clue earns timing). */
  empathy: boolean;
  suggestion: string;
  /** How the reply answers its turn, when it was read against one. */
  judgement?: Judgement;
  /** The reply as read, so the choice matching need not read it again. */
  reading?: Reading;
}


/** A scenario clue ("worry", "pride") as the coach's context: which feeling, and whether it is good news. */
export function clueOf(feeling: string | undefined): ReplyContext['clue'] {
  return feeling ? { news: GOOD_NEWS.has(feeling) ? 'good' : 'bad', feeling } : null;
}

const clamp = (n: number) => Math.max(-3, Math.min(3, n));

const congratulator = detectors.find((d) => d.id === 'congratulates')!;

/**
 * Reads a reply. With a `turn`, the reply is also judged against it (context.ts): what does not
 * answer this moment, repeats an earlier reply or misfits the moment earns nothing or costs points.
 */
export function analyzeReply(text: string, context: ReplyContext, turn?: Turn): Analysis {
  const base = detectIn(text, context);
  return turn ? inTurn(base, context, turn) : base;
}

/** The detectors' findings on a reply, read once; `inTurn` then judges them against the turn. */
export function detectIn(text: string, context: ReplyContext): Analysis {
  if (degenerate(text)) {
    return {
      findings: [{ detector: 'off-topic', skill: 'language', delta: 0, spans: [], note: 'This is the same few words over and over, not something you would say to a customer.' }],
      scores: {},
      empathy: false,
      suggestion: 'Write what you would say to them, once, in your own words.',
    };
  }
  const reading = readReply(text.slice(0, MAX_REPLY_LENGTH));
  const all: Finding[] = [];
  // Read for the models only when one is asked, and once for all of them.
  let features: ReturnType<typeof featuresOf> | undefined;
  for (const d of detectors) {
    const found = d.find(reading, context);
    for (const f of found) all.push({ detector: d.id, skill: d.skill, ...f });
    // Where the rule is silent, a detector's learned model may still find it (ADR 12), said and scored as the
    // rule would, and pointing at the clause whose words weighed most.
    const model = found.length === 0 && d.says ? modelFor(d.id) : undefined;
    if (!model) continue;
    features ??= featuresOf(reading);
    if (fires(model, false, probability(model, features))) all.push({ detector: d.id, skill: d.skill, ...d.says!, spans: [evidence(reading, model, features)] });
  }
  // A story that runs long is not a brief one, whichever of rule and model found it.
  const findings = all.some((f) => f.detector === 'overshares') ? all.filter((f) => f.detector !== 'relates') : all;
  return summed(findings, context, reading);
}

/**
 * A reply's analysis judged against its turn (context.ts): what does not answer this moment, repeats an
 * earlier reply or misfits the moment earns nothing or costs points.
 */
export function inTurn(base: Analysis, context: ReplyContext, turn: Turn): Analysis {
  const reading = base.reading;
  // A degenerate reply was never read: it answers nothing.
  if (!reading) return { ...base, judgement: { relevant: false, repeats: false, parrots: false, misfits: [] } };
  const judgement = judge(reading, base.findings, turn);
  // Congratulations where there is no good news: found as if there were, then counted against.
  const misplaced = turn.fits.includes('congratulation') || turn.goodNews ? [] : congratulator.find(reading, { ...context, clue: { news: 'good' } }).flatMap((f) => f.spans);
  if (misplaced.length > 0) judgement.misfits.push('congratulates');
  return summed(inContext(reading.text, base.findings, judgement, turn, misplaced), context, reading, judgement, turn);
}

function summed(findings: Finding[], context: ReplyContext, reading: Reading, judgement?: Judgement, turn?: Turn): Analysis {
  const scores: Partial<Record<SkillId, number>> = {};
  for (const f of findings) scores[f.skill] = clamp((scores[f.skill] ?? 0) + f.delta);
  for (const skill of Object.keys(scores) as SkillId[]) if (scores[skill] === 0) delete scores[skill];
  const found = new Set(findings.filter((f) => f.delta !== 0 || !judgement).map((f) => f.detector));
  return {
    findings,
    scores,
    // Empathy that does not answer this turn, or was pasted before, earns no timing either.
    empathy: [...found].some((id) => empathyDetectors.has(id as DetectorId)) && (!judgement || (judgement.relevant && !judgement.repeats && !judgement.parrots)),
    suggestion: suggest(found as Set<string> as Set<DetectorId>, context, judgement, turn),
    ...(judgement ? { judgement } : {}),
    reading,
  };
}

/**
 * A reply that is one or two words over and over: built to be slow or to game the coach, not said to
 * anyone. Reading it would cost many times a real reply, for nothing worth reading.
 */
export function degenerate(text: string): boolean {
  const ws = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  return ws.length >= 40 && new Set(ws).size / ws.length < 0.25;
}

/** One line: the most useful next change, worst problem first. */
function suggest(found: Set<DetectorId>, ctx: ReplyContext, j?: Judgement, turn?: Turn): string {
  const first = ctx.customerName.split(/\s+/)[0] ?? 'them';
  const rules: [boolean, string][] = [
    [!!j?.repeats, `Write this one fresh: answer what ${first} has just said, not what you said before.`],
    [!!j?.parrots, `Put what you heard in your own words, and add what you will do about it.`],
    [!!j && !j.relevant, `Answer what ${first} just raised${turn?.facts[0] ? ` (${turn.facts[0]})` : ''} before anything else.`],
    [!!j && j.misfits.length > 0, 'Match the move to the moment: save apologies, stories and promises for where they fit.'],
    [found.has('blames-customer'), 'Take the blame out: say what you will do about it, not what they should have done.'],
    [found.has('non-apology'), 'Apologise for what happened, not for how they feel: "I\'m sorry we…".'],
    [found.has('lumps-together'), 'Leave other customers out of it; "it\'s an easy one to miss" reassures without the crowd.'],
    [found.has('yes-but'), 'Swap "but" for "and", so your acknowledgement still stands.'],
    [found.has('overshares'), 'Cut your story to one sentence and hand the conversation back to them.'],
    [found.has('fear-words'), 'Say it without the threat words: what happens next, in plain terms.'],
    [found.has('jargon'), 'Use their words, not ours: explain it as you would to a friend.'],
    [found.has('vague-handoff'), 'Give it an owner and a time: "I will … by …".'],
    [ctx.clue?.news === 'good' && !found.has('congratulates'), 'Share the good news first: a word of congratulations before the business.'],
    [ctx.clue?.news === 'bad' && !found.has('names-feeling'), 'Name what they are feeling and why, before you move to the fix.'],
    [!found.has('commits-action'), 'Finish with what you will do next, and when.'],
    [!found.has('names-customer'), `Use their name: "${first}, …".`],
    [!found.has('recaps') && !found.has('together'), 'Check you have understood, or say you will sort it out together.'],
  ];
  return rules.find(([applies]) => applies)?.[1] ?? 'That reply covers it: heard, owned and moved forward.';
}

// Where attempts meet the coach: a typed reply is heard as an authored choice, and the coach's model loads off the request path.
import { HttpError } from '@/lib/http-error';
import type { PlayState } from '@/lib/scenario/engine';
import type { EarlierReply, HeardReply } from '@/lib/coach/nodes';
import type { LiveAttempt, Version } from './cache';
import type { DecisionInput } from './types';
import { authoredId, type TypedReply } from './view';

/** The form a typed reply is stored, compared and analysed in, so spans point into what is shown. */
export function normalizeReply(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

export const earlierOf = (r: TypedReply): EarlierReply => ({ text: r.text, detectors: r.coach.findings.map((f) => f.detector) });

let coachWarming = false;
/**
 * The learner reads the first turn before replying: time enough to load the coach's language model
 * off the request path, once per process. A failure here is harmless: the first typed reply loads
 * the coach itself and reports any error.
 */
export function warmCoachSoon() {
  if (coachWarming) return;
  coachWarming = true;
  setTimeout(() => void import('@/lib/coach/nodes').then((m) => m.warmCoach(), () => undefined), 0);
}

/**
 * The decision as the scenario takes it: a picked choice as authored, a typed reply through the
 * coach (loaded on first use, so picking never pays for the language model).
 */
export async function resolve(v: Version, live: LiveAttempt, before: PlayState, input: DecisionInput): Promise<{ choiceId: string; heard?: HeardReply; text?: string }> {
  if (input.reply === undefined) {
    const nodeId = 'node' in before.at ? before.at.node : '';
    return { choiceId: authoredId(v, live.mode, live.shuffleSeed, nodeId, input.choiceId!) };
  }
  if (live.mode === 'checkup' && !v.definition.freeText) {
    throw new HttpError(400, 'This check-up asks you to pick one of the replies on offer; typed replies are for practice.');
  }
  const text = normalizeReply(input.reply);
  if (!text) throw new HttpError(400, 'reply: write something before sending.');
  const { hearReply } = await import('@/lib/coach/nodes');
  const heard = hearReply(v.definition, v.personaName, before, text, v.scoredSkills, live.earlier);
  return { choiceId: heard.choiceId, heard, text };
}

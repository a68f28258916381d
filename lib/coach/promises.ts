// Where a reply promises an outcome, which fits a turn only once the rep knows what they can do.
import type { Span } from './detectors';

// A promise of an outcome: sworn to ("I promise", "guaranteed", "every penny"), or a future with a time on it.
const SWORN = /\b(?:i promise|i can promise|promise you|guarantee[ds]?|you have my word|i give you my word|(?:it|that|you|they)(?:'ll| will) (?:definitely|certainly|absolutely)|definitely (?:be|get|have|go)|(?:never|ever|won't|will not) (?:ever )?happen again|every (?:single )?penny|for sure|consider it done|i'm (?:sure|certain|confident) (?:my manager|my boss|they|the team|it|that)(?:'ll| will)|(?:i'll|i will|we'll|we will|you'll|you will) (?:get|have|receive|see|give you) (?:you )?(?:a |the |your )?(?:full|whole|entire))\b/i;
const FUTURE = /\b(?:i'll|i will|we'll|we will|it'll|it will|you'll|you will|they'll|they will|will be|'ll be|'ll have)\b/i;
const WHEN = /\b(?:by|before|within|until|till)\s+(?:\d|noon|midday|lunch|the end|end of|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this|next|the hour|close)|\b\d{1,2}(?::\d\d)?\s*(?:am|pm|o'clock)\b|\b(?:tonight|tomorrow|today|this afternoon|this evening|this week|on the dot|first thing|at (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon))\b/i;

/**
 * Where a reply promises an outcome: each sentence that swears to one ("guaranteed", "I promise"), or,
 * with `timed`, also each that puts a time on one ("I'll ring you by four").
 */
export function promises(text: string, timed = true): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^.!?\n]+[.!?]*/g)) {
    const s = m[0];
    if (SWORN.test(s) || (timed && FUTURE.test(s.replace(/’/g, "'")) && WHEN.test(s))) out.push({ start: m.index, end: m.index + s.trimEnd().length });
  }
  return out;
}

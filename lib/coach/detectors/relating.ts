// The detectors of relating (P23): a brief story of the rep's own, and one that takes over the call.
import type { Reading } from '../nlp';
import { ownStories, runsLong } from '../stories';
import { detectorsOf } from './spans';

const p23 = detectorsOf('relating', 'P23');

/** The rep's own stories as one finding that `says` this, when their length is `long` (or not). */
function storiesOf(r: Reading, long: boolean, says: { delta: number; note: string }) {
  const stories = ownStories(r);
  if (stories.length === 0 || runsLong(stories) !== long) return [];
  return [{ ...says, spans: stories.flatMap((s) => s.spans) }];
}

const RELATES = { delta: 1, note: 'A short story of your own says "I know this one", then hands the conversation back.' };

export const relates = p23('relates', {
  says: RELATES,
  empathy: true,
  find: (r) => storiesOf(r, false, RELATES),
});

const OVERSHARES = { delta: -1, note: 'Your story has taken over their call. Keep it to a sentence, then come back to them.' };

export const overshares = p23('overshares', {
  says: OVERSHARES,
  find: (r) => storiesOf(r, true, OVERSHARES),
});

// The detectors of relating (P23): a brief story of the rep's own, and one that takes over the call.
import type { Detector } from '../detectors';
import { ownStories, runsLong } from '../stories';

const RELATES = { delta: 1, note: 'A short story of your own says "I know this one", then hands the conversation back.' };

export const relates: Detector = {
  id: 'relates',
  skill: 'relating',
  principle: 'P23',
  empathy: true,
  says: RELATES,
  find(r) {
    const stories = ownStories(r);
    if (stories.length === 0 || runsLong(stories)) return [];
    return [{ ...RELATES, spans: stories.flatMap((s) => s.spans) }];
  },
};

const OVERSHARES = { delta: -1, note: 'Your story has taken over their call. Keep it to a sentence, then come back to them.' };

export const overshares: Detector = {
  id: 'overshares',
  skill: 'relating',
  principle: 'P23',
  says: OVERSHARES,
  find(r) {
    const stories = ownStories(r);
    if (!runsLong(stories)) return [];
    return [{ ...OVERSHARES, spans: stories.flatMap((s) => s.spans) }];
  },
};

// The moves a turn can call for (`about.fits` on a scenario node); the coach counts a move made elsewhere against the reply.
export const fitIds = ['apology', 'congratulation', 'normalizing', 'relating', 'commitment'] as const;
export type Fit = (typeof fitIds)[number];

/** Clues (a node's `clue:`) that are good news: the moments a congratulation fits. */
export const GOOD_NEWS: ReadonlySet<string> = new Set(['excitement', 'pride', 'relief', 'joy', 'happiness', 'gratitude', 'delight', 'hope', 'anticipation']);

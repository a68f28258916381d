// What a playtest plays: the saved draft, checked, starting where the author asked; the attempts code plays it and stores nothing (lib/attempts/playtest.ts).
import type { Db } from '@/db/client';
import { HttpError } from '@/lib/http-error';
import { MOOD_MAX, MOOD_MIN } from '@/lib/scenario/engine';
import type { Persona, ScenarioDefinition } from '@/lib/scenario/schema';
import { lintDocument } from './check';
import { requireDocument } from './documents';

export interface PlaytestStart {
  /** The node to start at (a jump to test one branch); the scenario's start when left out. */
  from?: string;
  /** The customer's mood on arriving there; the scenario's opening mood when left out. */
  mood?: number;
}

/**
 * The saved draft, starting where the author asked. Refused while the linter finds a problem: the
 * engine runs only scenarios it can trust, as it does for learners.
 */
export async function playtestDraft(db: Db, id: string, start: PlaytestStart): Promise<{ definition: ScenarioDefinition; persona: Persona }> {
  const doc = await requireDocument(db, 'scenario', id);
  const linted = lintDocument('scenario', id, doc.draft);
  if (!linted.scenario || !linted.persona || linted.problems.length > 0) {
    const n = linted.problems.length;
    throw new HttpError(409, `The draft has ${n} problem${n === 1 ? '' : 's'} the checker lists; fix ${n === 1 ? 'it' : 'them'} to playtest.`);
  }
  const s = linted.scenario;
  if (start.from !== undefined && !s.nodes[start.from]) throw new HttpError(400, `"${start.from}" is not a node of this scenario.`);
  if (start.mood !== undefined && (start.mood < MOOD_MIN || start.mood > MOOD_MAX)) throw new HttpError(400, `mood must be from ${MOOD_MIN} to ${MOOD_MAX}.`);
  // A jump is the same scenario with another start: everything after it plays as authored, and the score counts from there.
  return { definition: { ...s, start: start.from ?? s.start, ...(start.mood !== undefined ? { mood: start.mood } : {}) }, persona: linted.persona };
}

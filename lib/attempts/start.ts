// Starting a role-play: idempotent per Idempotency-Key, one attempt per assignment, and the first completed check-up stands.
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { assignments, attempts, scenarioVersions } from '@/db/schema';
import { HttpError } from '@/lib/http-error';
import { replay } from '@/lib/scenario/replay';
import type { LoadedScenario } from '@/lib/scenario/analysis';
import { keepVersion, playing, storedVersions, versions } from './cache';
import { warmCoachSoon } from './coach';
import { getAttempt } from './read';
import type { Mode, Started } from './types';
import { turnOf } from './view';
import { queueAfter, xapiSettings } from '@/lib/xapi/outbox';
import { attemptLaunched } from '@/lib/xapi/statements';

export const PRACTICE_AFTER_CHECKUP = 'You have already completed this check-up, and your first result stands. This play is practice: it does not change your result.';

export async function startAttempt(
  db: Db,
  userId: string,
  scenario: LoadedScenario,
  mode: Mode,
  assignmentId?: string,
  startKey?: string,
): Promise<Started> {
  const { scenario: s, persona, hash } = scenario;
  if (startKey) {
    const earlier = await startedWithKey(db, userId, startKey, s.id);
    if (earlier) return earlier;
  }
  let notice: string | undefined;
  if (assignmentId) {
    const [own] = await db
      .select({ itemId: assignments.itemId, kind: assignments.kind, completedAt: assignments.completedAt })
      .from(assignments)
      .where(and(eq(assignments.id, assignmentId), eq(assignments.userId, userId)));
    if (!own) throw new HttpError(404, 'There is no such assignment for you.');
    if (own.kind !== 'scenario' || own.itemId !== s.id) throw new HttpError(400, `That assignment is for another scenario (${own.itemId}).`);
    if (own.completedAt) {
      // The first completed attempt is the result; playing again is practice, and says so.
      [mode, assignmentId, notice] = ['practice', undefined, PRACTICE_AFTER_CHECKUP];
    } else {
      // One attempt per assignment: starting again carries on with the one in flight.
      const resumed = await resumeAssignment(db, userId, assignmentId);
      if (resumed) return resumed;
      // An assigned check-up is scored like one, whatever the request asked for.
      mode = 'checkup';
    }
  }
  let stored = storedVersions.get(db);
  if (!stored) storedVersions.set(db, (stored = new Set()));
  if (!stored.has(hash)) {
    await db
      .insert(scenarioVersions)
      .values({ contentHash: hash, scenarioId: s.id, definition: s, personaMood: persona.mood, personaName: persona.name })
      .onConflictDoNothing();
    stored.add(hash);
  }
  if (!versions.has(hash)) keepVersion(hash, s, persona.mood, persona.name);
  const seed = crypto.randomInt(1, 2 ** 31 - 1);
  const replayed = replay(s, persona.mood, []);
  const state = replayed.state;
  // The id is made here so the launch statement can name it in the same SQL statement as the
  // insert: a start costs one statement with a learning record store as without one (ADR 11).
  const id = crypto.randomUUID();
  const insert = db
    .insert(attempts)
    .values({ id, userId, scenarioId: s.id, contentHash: hash, mode, assignmentId, mood: state.mood, shuffleSeed: seed, startKey })
    .onConflictDoNothing()
    .returning({ id: attempts.id });
  const xapi = xapiSettings();
  const launched = xapi && attemptLaunched(xapi.source, { userId, attemptId: id, mode, scenario: { id: s.id, title: s.title, version: hash }, at: new Date() });
  const [row] = xapi && launched ? await queryRows<{ id: string }>(db, sql`with started as (${insert.getSQL()})${queueAfter('started', xapi.stores, [launched])} select id from started`) : await insert;
  // Two starts of one assignment, or two sends of one start, at once: the unique indexes let one
  // in, and the other carries on with it.
  if (!row) {
    const earlier = startKey ? await startedWithKey(db, userId, startKey, s.id) : undefined;
    if (earlier) return earlier;
    const resumed = assignmentId ? await resumeAssignment(db, userId, assignmentId) : undefined;
    if (resumed) return resumed;
    throw new HttpError(409, 'This check-up was finished a moment ago; start it again to practise.');
  }
  playing.set(row.id, { userId, contentHash: hash, mode, shuffleSeed: seed, choiceIds: [], replies: {}, earlier: [], replayed });
  if (mode === 'practice' || s.freeText) warmCoachSoon();
  return { attemptId: row.id, seq: 0, turn: turnOf(s, state, seed, mode)!, mode, ...(notice ? { notice } : {}) };
}

/**
 * The attempt an earlier send of this start request created (same person, same Idempotency-Key),
 * answered as that start was; a key reused for another scenario is a 409.
 */
async function startedWithKey(db: Db, userId: string, startKey: string, scenarioId: string): Promise<Started | undefined> {
  const [earlier] = await db
    .select({ id: attempts.id, scenarioId: attempts.scenarioId })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), eq(attempts.startKey, startKey)));
  if (!earlier) return undefined;
  if (earlier.scenarioId !== scenarioId) {
    throw new HttpError(409, `This Idempotency-Key already started "${earlier.scenarioId}"; send a new key for a new start.`);
  }
  const view = await getAttempt(db, userId, earlier.id);
  if (!view.turn) throw new HttpError(409, 'The attempt this request started has already ended; send a new Idempotency-Key to start again.');
  return { attemptId: earlier.id, seq: view.seq, turn: view.turn, mode: view.mode, repeated: true };
}

/** The assignment's attempt in flight, as a start would answer it; none when there is none. */
async function resumeAssignment(db: Db, userId: string, assignmentId: string): Promise<Started | undefined> {
  const [open] = await db
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(eq(attempts.assignmentId, assignmentId), eq(attempts.userId, userId), eq(attempts.status, 'in_progress')));
  if (!open) return undefined;
  const view = await getAttempt(db, userId, open.id);
  if (!view.turn) return undefined;
  return { attemptId: open.id, seq: view.seq, turn: view.turn, mode: view.mode, resumed: true };
}

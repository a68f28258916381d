// Role-play attempts on the server: start, decide (idempotent, one transaction), read back. The server is the referee.
import crypto from 'node:crypto';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { prepared, queryRows, type Db } from '@/db/client';
import { assignments, attempts, decisions, scenarioVersions, sessions, users, type StoredCoach } from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/access';
import { sessionLiveSql, sessionPolicy } from '@/lib/auth/sessions';
import { auditNotFound } from '@/lib/audit';
import { HttpError } from '@/lib/http-error';
import { stableShuffle } from '@/lib/shuffle';
import { isUuid } from '@/lib/users';
import { analyse, scoreState, type Analysis, type AttemptScore } from '@/lib/scenario/analysis';
import { choicesAt, InvalidChoiceError, rawTotal, type PlayState, type ReplyScore } from '@/lib/scenario/engine';
import { replay, type Replayed } from '@/lib/scenario/replay';
import type { EarlierReply, HeardReply } from '@/lib/scenario/coach-nodes';
import type { LoadedScenario } from '@/lib/scenario/course';
import { ScenarioSchema, type ScenarioDefinition } from '@/lib/scenario/schema';

export type Mode = 'practice' | 'checkup';

/** What the browser sees of a turn: never scores, feedback or where a choice leads. */
export interface Turn {
  nodeId: string;
  customer: string;
  cue?: string;
  mood: number;
  choices: { id: string; say: string }[];
}

export interface EndingView {
  id: string;
  outcome: 'success' | 'partial' | 'failure';
  customer: string;
  summary: string;
  score: AttemptScore;
  passScore: number;
  /** What the best path said at each step, for the debrief. */
  bestPath: { nodeId: string; choiceId: string; say: string }[];
}

/** A reply the learner typed, as they see it back. */
export interface ReplyView {
  text: string;
  /** The authored choice the customer took it as: the conversation follows that branch. */
  heardAs: { choiceId: string; say: string };
  /** What earned or cost each point, with the words: when feedback is shown (practice, or once a check-up ends). */
  findings?: StoredCoach['findings'];
  suggestion?: string;
}

export interface DecisionAnswer {
  seq: number;
  mood: number;
  feedback?: string;
  scores?: Record<string, number>;
  reply?: ReplyView;
  turn?: Turn;
  ending?: EndingView;
}

/** One decision: a choice picked (`choiceId`) or a reply typed (`reply`), never both. */
export interface DecisionInput {
  seq: number;
  choiceId?: string;
  reply?: string;
  elapsedMs?: number;
}

/** The form a typed reply is stored, compared and analysed in, so spans point into what is shown. */
export function normalizeReply(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

interface Version {
  definition: ScenarioDefinition;
  personaMood: number;
  /** The customer's name, which the coach listens for in typed replies. */
  personaName: string;
  analysis: Analysis;
  scoredSkills: Set<string>;
}

// Versions never change once stored, so they can be kept for the life of the process.
const versions = new Map<string, Version>();
// Hashes already written to each database's scenario_versions (a row is never changed or deleted).
const storedVersions = new WeakMap<Db, Set<string>>();

/**
 * What this process last saw of attempts in progress, so that a decision on the usual path costs
 * one statement: the write checks the session and the attempt's position itself, and anything
 * other than "the next decision of a live attempt, accepted" falls back to reading the database.
 * A stale entry (another instance moved the attempt on) can only make that write miss (ADR 11).
 */
interface LiveAttempt {
  userId: string;
  contentHash: string;
  mode: Mode;
  shuffleSeed: number;
  choiceIds: string[];
  replies: Record<string, ReplyScore>;
  /** The typed replies so far, which the coach reads a new one against (a pasted template earns nothing twice). */
  earlier: EarlierReply[];
  /** Those decisions replayed, so the next one costs one transition rather than a replay from the start. */
  replayed?: Replayed;
}
const playing = new LRUCache<string, LiveAttempt>({ max: 20_000 });

async function loadVersion(db: Db, hash: string): Promise<Version> {
  const hit = versions.get(hash);
  if (hit) return hit;
  const [row] = await db.select().from(scenarioVersions).where(eq(scenarioVersions.contentHash, hash));
  if (!row) throw new Error(`scenario version ${hash} is missing`);
  return keepVersion(hash, ScenarioSchema.parse(row.definition), row.personaMood, row.personaName ?? '');
}

function keepVersion(hash: string, definition: ScenarioDefinition, personaMood: number, personaName: string): Version {
  const analysis = analyse(definition, personaMood);
  const v = { definition, personaMood, personaName, analysis, scoredSkills: new Set(Object.keys(analysis.skills)) };
  versions.set(hash, v);
  return v;
}

/**
 * The id a check-up shows for a choice: opaque (says nothing about its quality), different in
 * every attempt, the same on resume. Practice shows the authored id, since its feedback tells all.
 */
function publicId(mode: Mode, seed: number, nodeId: string, choiceId: string): string {
  if (mode === 'practice') return choiceId;
  return `c${crypto.createHash('sha256').update(`choice:${seed}:${nodeId}:${choiceId}`).digest('hex').slice(0, 10)}`;
}

/** The authored choice a public id names at a node; an id that names none (an authored one included) is no choice at all. */
function authoredId(v: Version, mode: Mode, seed: number, nodeId: string, id: string): string {
  if (mode === 'practice') return id;
  return v.definition.nodes[nodeId]?.choices.find((c) => publicId(mode, seed, nodeId, c.id) === id)?.id ?? NO_CHOICE;
}
// Not a valid choice id (ids are kebab-case), so the engine refuses it as not on offer.
const NO_CHOICE = '(none)';

/** A stable shuffle of a node's choices for one attempt. */
const shuffled = <T extends { id: string }>(items: T[], seed: number, nodeId: string): T[] => stableShuffle(items, `${seed}:${nodeId}`, (c) => c.id);

function turnOf(s: ScenarioDefinition, state: PlayState, seed: number, mode: Mode): Turn | undefined {
  if (!('node' in state.at)) return undefined;
  const nodeId = state.at.node;
  const node = s.nodes[nodeId]!;
  return {
    nodeId,
    customer: node.customer,
    ...(node.cue ? { cue: node.cue } : {}),
    mood: state.mood,
    choices: shuffled(choicesAt(s, state), seed, nodeId).map((c) => ({ id: publicId(mode, seed, nodeId, c.id), say: c.say })),
  };
}

function endingOf(v: Version, state: PlayState, ids: (nodeId: string, choiceId: string) => string): EndingView | undefined {
  if (!('ending' in state.at)) return undefined;
  const e = v.definition.endings[state.at.ending]!;
  return {
    id: state.at.ending,
    outcome: e.outcome,
    customer: e.customer,
    summary: e.summary,
    score: scoreState(v.definition, v.analysis, state),
    passScore: v.definition.passScore,
    bestPath: bestPathOf(v).map((b) => ({ ...b, choiceId: ids(b.nodeId, b.choiceId) })),
  };
}

function bestPathOf(v: Version): EndingView['bestPath'] {
  return v.analysis.bestState.steps.map((st) => ({
    nodeId: st.nodeId,
    choiceId: st.choiceId,
    say: v.definition.nodes[st.nodeId]!.choices.find((c) => c.id === st.choiceId)!.say,
  }));
}

interface TypedReply {
  text: string;
  coach: StoredCoach;
}

function replyView(v: Version, nodeId: string, choiceId: string, typed: TypedReply, reveal: boolean, shownId = choiceId): ReplyView {
  const say = v.definition.nodes[nodeId]!.choices.find((c) => c.id === choiceId)!.say;
  return {
    text: typed.text,
    heardAs: { choiceId: shownId, say },
    ...(reveal ? { findings: typed.coach.findings, suggestion: typed.coach.suggestion } : {}),
  };
}

/** The answer for decision `seq`, as the learner's mode allows them to see it. */
function answerFor(v: Version, mode: Mode, state: PlayState, seq: number, seed: number, typed?: TypedReply): DecisionAnswer {
  const step = state.steps[seq]!;
  const choice = v.definition.nodes[step.nodeId]!.choices.find((c) => c.id === step.choiceId)!;
  const ended = 'ending' in state.at;
  const reveal = mode === 'practice';
  const ids = (nodeId: string, choiceId: string) => publicId(mode, seed, nodeId, choiceId);
  return {
    seq,
    mood: step.moodAfter,
    ...(reveal ? { feedback: choice.feedback, scores: step.scores } : {}),
    ...(typed ? { reply: replyView(v, step.nodeId, step.choiceId, typed, reveal, ids(step.nodeId, step.choiceId)) } : {}),
    ...(ended ? { ending: endingOf(v, state, ids) } : { turn: turnOf(v.definition, state, seed, mode) }),
  };
}

export interface Started {
  attemptId: string;
  seq: number;
  turn: Turn;
  mode: Mode;
  /** Set when the start carried on with the assignment's attempt already in flight. */
  resumed?: true;
  /** Set when this request was sent before (same Idempotency-Key) and this is what it started. */
  repeated?: true;
  /** Why this play is practice although a check-up was asked for. */
  notice?: string;
}

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
  const [row] = await db
    .insert(attempts)
    .values({ userId, scenarioId: s.id, contentHash: hash, mode, assignmentId, mood: state.mood, shuffleSeed: seed, startKey })
    .onConflictDoNothing()
    .returning({ id: attempts.id });
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

let coachWarming = false;
/**
 * The learner reads the first turn before replying: time enough to load the coach's language model
 * off the request path, once per process. A failure here is harmless: the first typed reply loads
 * the coach itself and reports any error.
 */
function warmCoachSoon() {
  if (coachWarming) return;
  coachWarming = true;
  setTimeout(() => void import('@/lib/scenario/coach-nodes').then((m) => m.warmCoach(), () => undefined), 0);
}

const notFound = () => new HttpError(404, 'There is no such attempt.');

/** The same 404 for another person's attempt, after an audit row saying who asked for it. */
async function probed(db: Db, userId: string, attemptId: string): Promise<HttpError> {
  await auditNotFound(db, userId, `attempt ${attemptId}`, 'another person’s attempt');
  return notFound();
}

/**
 * Records one decision. The same (seq, choiceId) or (seq, reply) sent again returns the same
 * answer and stores nothing; a different choice or reply for a recorded seq, a seq that skips
 * ahead, or any decision after the ending is a 409; a choice not on offer is a 400.
 *
 * One read, then the one statement of `recordNext`. A request that loses the race reads again
 * and answers as a repeat or a conflict; no lock or explicit transaction is needed.
 */
export async function decideAttempt(
  db: Db,
  userId: string,
  attemptId: string,
  input: DecisionInput,
  retried = false,
): Promise<DecisionAnswer> {
  const attempt = await findAttempt(db, attemptId);
  // Someone else's attempt is indistinguishable from a missing one (and the asking is audited).
  if (!attempt) throw notFound();
  if (attempt.userId !== userId) throw await probed(db, userId, attemptId);
  const v = await loadVersion(db, attempt.contentHash);
  const ids = attempt.choiceIds;
  const replies = attempt.replyScores;

  // Typed replies are read from the log only when the attempt has any.
  const typedSoFar = Object.keys(replies).length > 0 ? await typedReplies(db, attempt) : new Map<number, TypedReply>();
  if (input.seq < ids.length) {
    const typed = typedSoFar.get(input.seq);
    const state = replay(v.definition, v.personaMood, ids.slice(0, input.seq + 1), replies).state;
    const asked = input.choiceId === undefined ? undefined : authoredId(v, attempt.mode, attempt.shuffleSeed, state.steps[input.seq]!.nodeId, input.choiceId);
    const same = input.reply !== undefined ? typed?.text === normalizeReply(input.reply) : !typed && ids[input.seq] === asked;
    if (!same) throw new HttpError(409, `Decision ${input.seq} was already recorded with a different ${typed ? 'reply' : 'choice'}.`);
    return answerFor(v, attempt.mode, state, input.seq, attempt.shuffleSeed, typed);
  }
  if (attempt.status !== 'in_progress') throw new HttpError(409, 'This attempt has already ended.');
  if (input.seq > ids.length) {
    throw new HttpError(409, `Decision ${input.seq} skips ahead: the next decision is ${ids.length}.`);
  }
  const earlier = [...typedSoFar.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => earlierOf(r));
  const live: LiveAttempt = { userId, contentHash: attempt.contentHash, mode: attempt.mode, shuffleSeed: attempt.shuffleSeed, choiceIds: ids, replies, earlier };
  const answer = await recordNext(db, attemptId, live, v, input);
  if (answer) return answer;
  // Another request recorded this seq first: answer as it now stands.
  if (retried) throw new Error(`decision ${input.seq} of attempt ${attemptId} could not be recorded`);
  return decideAttempt(db, userId, attemptId, input, true);
}

/**
 * The usual path of a decision, in one statement and without reading the attempt first: only for
 * the next decision of an attempt this process has seen, and only if the session is still valid.
 * Null means "not decided here": the caller checks the session and runs `decideAttempt`, which
 * gives every other case (a repeat, a conflict, an ended session, a stale entry) its answer.
 */
export async function decideOnUsualPath(db: Db, session: SessionClaims, attemptId: string, input: DecisionInput): Promise<DecisionAnswer | null> {
  const live = playing.get(attemptId);
  if (!live || live.userId !== session.uid || input.seq !== live.choiceIds.length) return null;
  const v = versions.get(live.contentHash);
  if (!v) return null;
  return recordNext(db, attemptId, live, v, input, session);
}

/**
 * The decision as the scenario takes it: a picked choice as authored, a typed reply through the
 * coach (loaded on first use, so picking never pays for the language model).
 */
async function resolve(v: Version, live: LiveAttempt, before: PlayState, input: DecisionInput): Promise<{ choiceId: string; heard?: HeardReply; text?: string }> {
  if (input.reply === undefined) {
    const nodeId = 'node' in before.at ? before.at.node : '';
    return { choiceId: authoredId(v, live.mode, live.shuffleSeed, nodeId, input.choiceId!) };
  }
  if (live.mode === 'checkup' && !v.definition.freeText) {
    throw new HttpError(400, 'This check-up asks you to pick one of the replies on offer; typed replies are for practice.');
  }
  const text = normalizeReply(input.reply);
  if (!text) throw new HttpError(400, 'reply: write something before sending.');
  const { hearReply } = await import('@/lib/scenario/coach-nodes');
  const heard = hearReply(v.definition, v.personaName, before, text, v.scoredSkills, live.earlier);
  return { choiceId: heard.choiceId, heard, text };
}

/**
 * Inserts decision `seq` and advances the attempt's running totals in one statement, only if
 * nothing else has recorded this seq first (the (attempt, seq) key decides the race) and, when
 * `session` is given, only while that session's user is active and its version current.
 * Null when nothing was written; a choice not on offer is a 400.
 */
async function recordNext(
  db: Db,
  attemptId: string,
  live: LiveAttempt,
  v: Version,
  input: DecisionInput,
  session?: SessionClaims,
): Promise<DecisionAnswer | null> {
  const base = live.replayed ?? replay(v.definition, v.personaMood, live.choiceIds, live.replies);
  const { choiceId, heard, text } = await resolve(v, live, base.state, input);
  const replies = heard ? { ...live.replies, [input.seq]: heard.score } : live.replies;
  let next: Replayed;
  try {
    next = replay(v.definition, v.personaMood, [...live.choiceIds, choiceId], replies, base);
  } catch (e) {
    if (e instanceof InvalidChoiceError) throw new HttpError(400, `"${input.choiceId ?? choiceId}" is not one of the choices on offer.`);
    throw e;
  }
  const state = next.state;
  const step = state.steps[input.seq]!;
  const endingId = 'ending' in state.at ? state.at.ending : null;
  const score = endingId ? scoreState(v.definition, v.analysis, state).overall : null;
  const outcome = endingId ? v.definition.endings[endingId]!.outcome : null;
  const sessionValid = session
    ? sql`exists (select 1 from ${users} where ${users.id} = ${session.uid} and ${users.active} and ${users.sessionVersion} = ${session.sv})
        and ${isUuid(session.sid) ? sessionLiveSql(session.sid, sessionPolicy()) : sql`false`}`
    : sql`true`;

  const written = await queryRows<{ id: string }>(
    db,
    sql`with recorded as (
          insert into ${decisions} (attempt_id, seq, node_id, choice_id, elapsed_ms, mood_after, scores, reply_text, coach)
          select ${attemptId}, ${input.seq}, ${step.nodeId}, ${choiceId}, ${input.elapsedMs ?? null}, ${step.moodAfter}, ${JSON.stringify(step.scores)}::jsonb,
            ${text ?? null}, ${heard ? JSON.stringify(heard.coach) : null}::jsonb
          where ${sessionValid}
          on conflict do nothing
          returning seq
        ), advanced as (
        update ${attempts} set
          decision_count = ${input.seq + 1},
          choice_ids = array_append(choice_ids, ${choiceId}::text),
          reply_scores = reply_scores || ${JSON.stringify(heard ? { [input.seq]: heard.score } : {})}::jsonb,
          mood = ${state.mood},
          skill_scores = ${JSON.stringify(state.totals)}::jsonb,
          status = ${endingId ? 'completed' : 'in_progress'}::attempt_status,
          score = ${score},
          outcome = ${outcome},
          ending_id = ${endingId},
          finished_at = ${endingId ? sql`now()` : sql`null`}
        where id = ${attemptId} and decision_count = ${input.seq} and status = 'in_progress' and exists (select 1 from recorded)
        returning id, assignment_id
      ), assignment_done as (
        update ${assignments} set completed_at = now()
        where ${endingId ? sql`true` : sql`false`} and completed_at is null and id = (select assignment_id from advanced)
      ), touched as (
        -- A learner deep in a role-play is active: the decision keeps the session from going idle.
        update ${sessions} set last_seen_at = now()
        where ${session && isUuid(session.sid) ? sql`${sessions.id} = ${session.sid}` : sql`false`}
          and last_seen_at < now() - interval '60 seconds' and exists (select 1 from advanced)
      )
      select id from advanced`,
  );
  if (written.length === 0) {
    playing.delete(attemptId);
    return null;
  }
  if (endingId) playing.delete(attemptId);
  else {
    const earlier = heard && text ? [...live.earlier, earlierOf({ text, coach: heard.coach })] : live.earlier;
    playing.set(attemptId, { ...live, choiceIds: [...live.choiceIds, choiceId], replies, earlier, replayed: next });
  }
  return answerFor(v, live.mode, state, input.seq, live.shuffleSeed, heard && text ? { text, coach: heard.coach } : undefined);
}

const earlierOf = (r: TypedReply): EarlierReply => ({ text: r.text, detectors: r.coach.findings.map((f) => f.detector) });

/** Every typed reply of an attempt, by seq (read only when the attempt has any). */
async function typedReplies(db: Db, attempt: typeof attempts.$inferSelect): Promise<Map<number, TypedReply>> {
  if (Object.keys(attempt.replyScores).length === 0) return new Map();
  const rows = await db
    .select({ seq: decisions.seq, text: decisions.replyText, coach: decisions.coach })
    .from(decisions)
    .where(and(eq(decisions.attemptId, attempt.id), isNotNull(decisions.replyText)));
  return new Map(rows.filter((r) => r.text && r.coach).map((r) => [r.seq, { text: r.text!, coach: r.coach! }]));
}

export interface AttemptView {
  attemptId: string;
  scenarioId: string;
  mode: Mode;
  status: 'in_progress' | 'completed' | 'abandoned';
  seq: number;
  mood: number;
  turn?: Turn;
  ending?: EndingView;
  /** Whether the learner may type their own replies in this attempt. */
  freeText: boolean;
  /** Decisions so far; feedback and scores appear in check-up mode only once it has ended. */
  transcript: TranscriptStep[];
}

export interface TranscriptStep {
  seq: number;
  nodeId: string;
  customer: string;
  choiceId: string;
  /** What the learner said: the choice picked, or the reply they typed. */
  say: string;
  moodAfter: number;
  feedback?: string;
  scores?: Record<string, number>;
  reply?: ReplyView;
}

export async function getAttempt(db: Db, userId: string, attemptId: string): Promise<AttemptView> {
  const attempt = await findAttempt(db, attemptId);
  if (!attempt) throw notFound();
  if (attempt.userId !== userId) throw await probed(db, userId, attemptId);
  return viewOf(db, attempt, false);
}

/** An attempt with every decision's feedback, for a manager reviewing it; the caller checks access. */
export async function reviewAttempt(
  db: Db,
  attemptId: string,
): Promise<(AttemptView & { userId: string; startedAt: Date; bestAt: Record<string, { choiceId: string; say: string }> }) | null> {
  const attempt = await findAttempt(db, attemptId);
  if (!attempt) return null;
  const v = await loadVersion(db, attempt.contentHash);
  return { ...(await viewOf(db, attempt, true)), userId: attempt.userId, startedAt: attempt.startedAt, bestAt: bestChoiceAt(v) };
}

/**
 * The best reply at every node: the best path's choice where the best path passes, elsewhere the
 * choice with the highest total skill score, so a learner who left the best path still sees what
 * would have been best where they actually were.
 */
function bestChoiceAt(v: Version): Record<string, { choiceId: string; say: string }> {
  const out: Record<string, { choiceId: string; say: string }> = {};
  for (const [nodeId, node] of Object.entries(v.definition.nodes)) {
    const top = node.choices.reduce((a, c) => (rawTotal(c.scores) > rawTotal(a.scores) ? c : a));
    out[nodeId] = { choiceId: top.id, say: top.say };
  }
  for (const b of bestPathOf(v)) out[b.nodeId] = { choiceId: b.choiceId, say: b.say };
  return out;
}

async function findAttempt(db: Db, attemptId: string) {
  if (!isUuid(attemptId)) return undefined;
  const [attempt] = await prepared(db, 'attempt_by_id', (d) =>
    d.select().from(attempts).where(eq(attempts.id, sql.placeholder('id'))).prepare('attempt_by_id'),
  ).execute({ id: attemptId });
  return attempt;
}

async function viewOf(db: Db, attempt: typeof attempts.$inferSelect, reviewer: boolean): Promise<AttemptView> {
  const v = await loadVersion(db, attempt.contentHash);
  // The attempt row carries its choice ids and reply scores; the log is read only for typed replies' text.
  const state = replay(v.definition, v.personaMood, attempt.choiceIds, attempt.replyScores).state;
  const reveal = reviewer || attempt.mode === 'practice' || 'ending' in state.at;
  const typed = await typedReplies(db, attempt);
  // A manager reviewing sees the authored ids; the learner sees the ids their turns showed.
  const ids = (nodeId: string, choiceId: string) => (reviewer ? choiceId : publicId(attempt.mode, attempt.shuffleSeed, nodeId, choiceId));
  return {
    attemptId: attempt.id,
    scenarioId: attempt.scenarioId,
    mode: attempt.mode,
    status: attempt.status,
    seq: attempt.choiceIds.length,
    mood: state.mood,
    turn: turnOf(v.definition, state, attempt.shuffleSeed, attempt.mode),
    ending: endingOf(v, state, ids),
    freeText: attempt.mode === 'practice' || v.definition.freeText,
    transcript: state.steps.map((st, i) => {
      const node = v.definition.nodes[st.nodeId]!;
      const choice = node.choices.find((c) => c.id === st.choiceId)!;
      const reply = typed.get(i);
      return {
        seq: i,
        nodeId: st.nodeId,
        customer: node.customer,
        choiceId: ids(st.nodeId, st.choiceId),
        say: reply ? reply.text : choice.say,
        moodAfter: st.moodAfter,
        ...(reveal ? { feedback: choice.feedback, scores: st.scores } : {}),
        ...(reply ? { reply: replyView(v, st.nodeId, st.choiceId, reply, reveal, ids(st.nodeId, st.choiceId)) } : {}),
      };
    }),
  };
}

/** Per scenario, the learner's best finished score and how many attempts they started. */
export async function practiceStats(db: Db, userId: string): Promise<Map<string, { best: number | null; attempts: number }>> {
  const rows = await db
    .select({
      scenarioId: attempts.scenarioId,
      best: sql<number | null>`max(${attempts.score})`,
      attempts: sql<number>`count(*)::int`,
    })
    .from(attempts)
    .where(eq(attempts.userId, userId))
    .groupBy(attempts.scenarioId);
  return new Map(rows.map((r) => [r.scenarioId, { best: r.best === null ? null : Number(r.best), attempts: Number(r.attempts) }]));
}

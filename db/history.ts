// Generated learning history for demos and benchmarks: a team whose learners played real scenarios through the real engine, deterministic per seed.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Db } from './client';
import { hashPassword } from '@/lib/auth/password';
import { getCourse } from '@/lib/content/course';
import { scoreState } from '@/lib/scenario/analysis';
import { choicesAt, decide, initialState, rawTotal, type PlayState } from '@/lib/scenario/engine';
import type { LoadedScenario } from '@/lib/scenario/analysis';
import { assignments, attempts, checkupPlans, checkupRuns, decisions, moduleProgress, scenarioVersions, teamManagers, teamMembers, teams, users } from './schema';

const firstNames = ['Aisha', 'Ben', 'Carmen', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonah', 'Kemi', 'Liam', 'Maya', 'Nikhil', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Uma', 'Viktor', 'Wen', 'Xavier', 'Yara', 'Zoltan'];
const lastNames = ['Okafor', 'Lindqvist', 'Moreau', 'Petrov', 'García', 'Haddad', 'Nakamura', 'Walsh', 'Costa', 'Brennan', 'Adeyemi', 'Kowalski', 'Singh', 'Dubois', 'Reyes', 'Fischer', 'Murphy', 'Tanaka', 'Ivanova', 'Mensah'];

const DAY = 86_400_000;

export interface HistoryOptions {
  teamName: string;
  /** Emails are `${emailPrefix}NN@example.com`. */
  emailPrefix: string;
  learners: number;
  attempts: number;
  scenarios: LoadedScenario[];
  /** Password for the generated people; null for single-sign-on-only accounts. */
  password: string | null;
  /** A ready argon2 hash of `password`, to save hashing it again for every team of a large organisation. */
  passwordHash?: string;
  manager?: { email: string; name: string };
  seed?: number;
  now?: Date;
  /** Over how many past days the attempts spread. */
  days?: number;
}

/** Plays one attempt: with probability `skill` the learner picks the best-scoring reply on offer, else any reply. */
function play(rng: ReturnType<typeof xoroshiro128plus>, l: LoadedScenario, skill: number): PlayState {
  let state = initialState(l.scenario, l.persona.mood);
  while ('node' in state.at) {
    const choices = choicesAt(l.scenario, state);
    const pick =
      uniformFloat64(rng) < skill
        ? choices.reduce((a, c) => (rawTotal(c.scores) > rawTotal(a.scores) ? c : a))
        : choices[uniformInt(rng, 0, choices.length - 1)]!;
    state = decide(l.scenario, state, pick.id);
  }
  return state;
}

async function insertChunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * Adds a team with `learners` people and `attempts` finished attempts spread over the past
 * `days` days, most of them practice and the rest from two check-up runs (the latest still open,
 * so some learners are overdue). Every attempt is a real walk through its scenario, so transcripts
 * and dashboards read it like any other.
 */
export async function seedHistory(db: Db, o: HistoryOptions): Promise<{ teamId: string; learnerIds: string[]; decisions: number }> {
  const rng = xoroshiro128plus(o.seed ?? 42);
  const now = o.now ?? new Date();
  const days = o.days ?? 180;
  const passwordHash = o.password === null ? null : (o.passwordHash ?? (await hashPassword(o.password)));
  const [team] = await db.insert(teams).values({ name: o.teamName }).returning({ id: teams.id });
  const teamId = team!.id;

  const people = Array.from({ length: o.learners }, (_, i) => ({
    email: `${o.emailPrefix}${String(i + 1).padStart(2, '0')}@example.com`,
    name: `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / firstNames.length + i) % lastNames.length]}`,
    role: 'learner' as const,
    passwordHash,
    createdAt: new Date(now.getTime() - (days + 10) * DAY),
  }));
  const learnerIds: string[] = [];
  await insertChunked(people, 500, async (chunk) => {
    const rows = await db.insert(users).values(chunk).returning({ id: users.id });
    learnerIds.push(...rows.map((r) => r.id));
  });
  await insertChunked(learnerIds, 1000, (chunk) => db.insert(teamMembers).values(chunk.map((userId) => ({ teamId, userId }))));
  if (o.manager) {
    const [m] = await db
      .insert(users)
      .values({ email: o.manager.email, name: o.manager.name, role: 'manager', passwordHash })
      .onConflictDoUpdate({ target: users.email, set: { role: 'manager' } })
      .returning({ id: users.id });
    await db.insert(teamManagers).values({ teamId, userId: m!.id });
  }

  await db
    .insert(scenarioVersions)
    .values(o.scenarios.map((l) => ({ contentHash: l.hash, scenarioId: l.scenario.id, definition: l.scenario, personaMood: l.persona.mood })))
    .onConflictDoNothing();

  // Each learner has a base skill and improves a little over time.
  const skill = learnerIds.map(() => 0.25 + 0.6 * uniformFloat64(rng));

  // Two check-up runs: one finished ~100 days ago, and one that started 16 days ago and was due 2 days ago.
  const [plan] = await db
    .insert(checkupPlans)
    .values({ teamId, name: 'Quarterly check-up', recurDays: 90, nextRunAt: new Date(now.getTime() + 74 * DAY), createdBy: null })
    .returning({ id: checkupPlans.id });
  const runs = await db
    .insert(checkupRuns)
    .values([
      { planId: plan!.id, teamId, runNo: 1, seed: 1, startsAt: new Date(now.getTime() - 100 * DAY), dueAt: new Date(now.getTime() - 86 * DAY) },
      { planId: plan!.id, teamId, runNo: 2, seed: 2, startsAt: new Date(now.getTime() - 16 * DAY), dueAt: new Date(now.getTime() - 2 * DAY) },
    ])
    .returning();

  type Planned = { userIx: number; scenario: LoadedScenario; at: Date; assignment?: { runIx: number } };
  const planned: Planned[] = [];
  const assignmentRows: (typeof assignments.$inferInsert)[] = [];
  const pickScenarios = (n: number) => {
    const pool = [...o.scenarios];
    return Array.from({ length: Math.min(n, pool.length) }, () => pool.splice(uniformInt(rng, 0, pool.length - 1), 1)[0]!);
  };
  for (const [runIx, run] of runs.entries()) {
    for (const [userIx, userId] of learnerIds.entries()) {
      for (const l of pickScenarios(3)) {
        // Everyone finished the first run; most, not all, have finished each item of the second.
        const finished = runIx === 0 || uniformFloat64(rng) < 0.9;
        const at = new Date(run.startsAt.getTime() + uniformInt(rng, 0, Math.max(1, run.dueAt.getTime() - run.startsAt.getTime() - DAY)));
        assignmentRows.push({ userId, itemId: l.scenario.id, runId: run.id, dueAt: run.dueAt, completedAt: finished ? at : null });
        if (finished) planned.push({ userIx, scenario: l, at, assignment: { runIx } });
      }
    }
  }
  const practice = Math.max(0, o.attempts - planned.length);
  for (let i = 0; i < practice; i++) {
    planned.push({
      userIx: uniformInt(rng, 0, learnerIds.length - 1),
      scenario: o.scenarios[uniformInt(rng, 0, o.scenarios.length - 1)]!,
      at: new Date(now.getTime() - uniformInt(rng, 1, days * 24) * (DAY / 24)),
    });
  }

  const assignmentIds: string[] = [];
  await insertChunked(assignmentRows, 1000, async (chunk) => {
    const rows = await db.insert(assignments).values(chunk).returning({ id: assignments.id });
    assignmentIds.push(...rows.map((r) => r.id));
  });
  const assignmentOf = new Map<string, string>();
  assignmentRows.forEach((a, i) => assignmentOf.set(`${a.runId}:${a.userId}:${a.itemId}`, assignmentIds[i]!));

  const attemptRows: (typeof attempts.$inferInsert)[] = [];
  const decisionRows: Omit<typeof decisions.$inferInsert, 'attemptId'>[][] = [];
  for (const p of planned) {
    const age = (now.getTime() - p.at.getTime()) / (days * DAY);
    const state = play(rng, p.scenario, Math.min(0.95, skill[p.userIx]! + 0.2 * (1 - age)));
    const ending = (state.at as { ending: string }).ending;
    const userId = learnerIds[p.userIx]!;
    const score = scoreState(p.scenario.scenario, p.scenario.analysis, state);
    const stepMs = 20_000;
    attemptRows.push({
      userId,
      scenarioId: p.scenario.scenario.id,
      contentHash: p.scenario.hash,
      mode: p.assignment ? 'checkup' : 'practice',
      assignmentId: p.assignment ? assignmentOf.get(`${runs[p.assignment.runIx]!.id}:${userId}:${p.scenario.scenario.id}`) : null,
      status: 'completed',
      decisionCount: state.steps.length,
      mood: state.mood,
      skillScores: state.totals,
      score: score.overall,
      outcome: p.scenario.scenario.endings[ending]!.outcome,
      endingId: ending,
      choiceIds: state.steps.map((s) => s.choiceId),
      shuffleSeed: uniformInt(rng, 1, 2 ** 31 - 2),
      startedAt: p.at,
      finishedAt: new Date(p.at.getTime() + state.steps.length * stepMs),
    });
    decisionRows.push(
      state.steps.map((s, seq) => ({ seq, nodeId: s.nodeId, choiceId: s.choiceId, elapsedMs: 8000, moodAfter: s.moodAfter, scores: s.scores, createdAt: new Date(p.at.getTime() + (seq + 1) * stepMs) })),
    );
  }
  const CHUNK = 500;
  for (let i = 0; i < attemptRows.length; i += CHUNK) {
    const ids = await db.insert(attempts).values(attemptRows.slice(i, i + CHUNK)).returning({ id: attempts.id });
    const rows = ids.flatMap((r, j) => decisionRows[i + j]!.map((d) => ({ ...d, attemptId: r.id })));
    await insertChunked(rows, 2000, (chunk) => db.insert(decisions).values(chunk));
  }

  // Lessons: each learner has finished a share of the course in order, more for the stronger ones.
  const modules = getCourse().modules;
  const progress = learnerIds.flatMap((userId, i) => {
    const n = Math.round(modules.length * Math.min(1, skill[i]! + 0.3));
    return modules.slice(0, n).map((m, j) => {
      const at = new Date(now.getTime() - (days - j * 7) * DAY);
      return { userId, moduleId: m.id, status: 'completed' as const, startedAt: at, completedAt: at, updatedAt: at };
    });
  });
  await insertChunked(progress, 2000, (chunk) => db.insert(moduleProgress).values(chunk));
  return { teamId, learnerIds, decisions: decisionRows.reduce((n, d) => n + d.length, 0) };
}

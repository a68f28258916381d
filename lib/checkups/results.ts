// Check-up results: a learner's assignments and runs, a team's runs with each learner's result, overdue counts. Bounded queries.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { columnsOf } from '@/db/columns';
import { assignments, attempts, checkupPlans, checkupRuns, teams, users } from '@/db/schema';
import { emptyProfile, type SkillProfile } from '@/lib/skills/profiles';
import { checkupSkillProfiles, learnerRunScore, teamRunScore } from './scores';

export interface AssignmentView {
  assignmentId: string;
  runId: string;
  scenarioId: string;
  dueAt: Date;
  completedAt: Date | null;
  /** Not completed and past its due date. */
  overdue: boolean;
  /** The attempt to continue, when one was started and not finished. */
  attemptId: string | null;
  /** The completed attempt's score (0–100). */
  score: number | null;
  /** The completed attempt, for its debrief. */
  completedAttemptId: string | null;
}

export interface RunResult {
  runId: string;
  completed: number;
  total: number;
  /** Mean score of the run's completed attempts; null until one is completed. */
  overall: number | null;
  /** Each skill over the decisions of the run's completed attempts. */
  skills: SkillProfile;
}

export interface LearnerRun {
  runId: string;
  planId: string;
  planName: string;
  teamName: string;
  runNo: number;
  startsAt: Date;
  dueAt: Date;
  items: AssignmentView[];
  result: RunResult;
  /** The learner's check-up before this one, to compare with. */
  previous: RunResult | null;
}

export interface LearnerCheckups {
  /** Open assignments, overdue first, then by due date. */
  open: AssignmentView[];
  /** Every check-up run the learner was part of, newest first. */
  runs: LearnerRun[];
}

interface AssignmentRow {
  id: string;
  userId: string;
  runId: string;
  itemId: string;
  dueAt: Date | null;
  completedAt: Date | null;
}

/** Per assignment: the attempt to continue and the completed attempt's score. One query. */
interface Tried {
  inProgress: string | null;
  completed: string | null;
  score: number | null;
}

async function attemptsFor(db: Db, assignmentIds: string[]): Promise<Map<string, Tried>> {
  const out = new Map<string, Tried>();
  if (assignmentIds.length === 0) return out;
  const rows = await db
    .select({ id: attempts.id, assignmentId: attempts.assignmentId, status: attempts.status, score: attempts.score })
    .from(attempts)
    .where(inArray(attempts.assignmentId, assignmentIds))
    .orderBy(asc(attempts.startedAt));
  // One attempt per assignment (a unique index); oldest first all the same, so the first completed one is the result.
  for (const r of rows) {
    const hit = out.get(r.assignmentId!) ?? { inProgress: null, completed: null, score: null };
    if (r.status === 'in_progress') hit.inProgress = r.id;
    if (r.status === 'completed' && !hit.completed) Object.assign(hit, { completed: r.id, score: r.score });
    out.set(r.assignmentId!, hit);
  }
  return out;
}

function viewOf(a: AssignmentRow, tried: Map<string, Tried>, now: Date): AssignmentView {
  const t = tried.get(a.id);
  const dueAt = a.dueAt ?? new Date(8.64e15);
  return {
    assignmentId: a.id,
    runId: a.runId,
    scenarioId: a.itemId,
    dueAt,
    completedAt: a.completedAt,
    overdue: !a.completedAt && dueAt < now,
    attemptId: a.completedAt ? null : (t?.inProgress ?? null),
    score: a.completedAt ? (t?.score ?? null) : null,
    completedAttemptId: a.completedAt ? (t?.completed ?? null) : null,
  };
}

const byDue = (a: AssignmentView, b: AssignmentView) => a.dueAt.getTime() - b.dueAt.getTime() || a.scenarioId.localeCompare(b.scenarioId);

function resultOf(runId: string, items: AssignmentView[], skills: SkillProfile | undefined): RunResult {
  return {
    runId,
    completed: items.filter((i) => i.completedAt).length,
    total: items.length,
    overall: learnerRunScore(items.map((i) => i.score).filter((s): s is number => s !== null)),
    skills: skills ?? emptyProfile(),
  };
}

/** Everything the learner's check-ups page shows, in four queries. */
export async function learnerCheckups(db: Db, userId: string, now = new Date()): Promise<LearnerCheckups> {
  const rows = await db
    .select({
      id: assignments.id,
      userId: assignments.userId,
      runId: checkupRuns.id,
      itemId: assignments.itemId,
      dueAt: assignments.dueAt,
      completedAt: assignments.completedAt,
      planId: checkupPlans.id,
      planName: checkupPlans.name,
      teamName: teams.name,
      runNo: checkupRuns.runNo,
      startsAt: checkupRuns.startsAt,
      runDueAt: checkupRuns.dueAt,
    })
    .from(assignments)
    .innerJoin(checkupRuns, eq(checkupRuns.id, assignments.runId))
    .innerJoin(checkupPlans, eq(checkupPlans.id, checkupRuns.planId))
    .innerJoin(teams, eq(teams.id, checkupRuns.teamId))
    .where(eq(assignments.userId, userId))
    .orderBy(desc(checkupRuns.startsAt), desc(checkupRuns.runNo));
  const tried = await attemptsFor(db, rows.map((r) => r.id));
  const runIds = [...new Set(rows.map((r) => r.runId))];
  const profiles = await checkupSkillProfiles(db, runIds, userId);

  const runs: LearnerRun[] = [];
  const byRun = new Map<string, LearnerRun>();
  for (const r of rows) {
    let run = byRun.get(r.runId);
    if (!run) {
      run = {
        runId: r.runId,
        planId: r.planId,
        planName: r.planName,
        teamName: r.teamName,
        runNo: r.runNo,
        startsAt: r.startsAt,
        dueAt: r.runDueAt,
        items: [],
        result: undefined as unknown as RunResult,
        previous: null,
      };
      byRun.set(r.runId, run);
      runs.push(run);
    }
    run.items.push(viewOf(r, tried, now));
  }
  for (const run of runs) {
    run.items.sort(byDue);
    run.result = resultOf(run.runId, run.items, profiles.get(`${userId}:${run.runId}`));
  }
  // Newest first, so the previous check-up is the next one in the list.
  runs.forEach((run, i) => (run.previous = runs[i + 1]?.result ?? null));
  const open = runs
    .flatMap((r) => r.items)
    .filter((i) => !i.completedAt)
    .sort(byDue);
  return { open, runs };
}

export interface LearnerRunResult extends RunResult {
  userId: string;
  name: string;
  /** Open assignments past their due date. */
  overdue: number;
  previous: RunResult | null;
}

export interface TeamRun {
  runId: string;
  planId: string;
  planName: string;
  runNo: number;
  startsAt: Date;
  dueAt: Date;
  learners: LearnerRunResult[];
  /** Learners who have completed every scenario of the run. */
  learnersDone: number;
  /** Learners with at least one overdue scenario. */
  learnersOverdue: number;
  assignmentsDone: number;
  assignmentsTotal: number;
  /** The team's score: `teamRunScore` of the learners' overall scores. */
  overall: number | null;
}

/**
 * A team's latest check-up runs (newest first) with each learner's result beside their previous
 * check-up. Four queries whatever the team's size; one run more than shown is read so the
 * oldest shown run has its comparison too.
 */
export async function teamCheckupResults(db: Db, teamId: string, now = new Date(), limit = 10): Promise<TeamRun[]> {
  const runRows = await db
    .select({ runId: checkupRuns.id, planName: checkupPlans.name, ...columnsOf(checkupRuns, 'planId', 'runNo', 'startsAt', 'dueAt') })
    .from(checkupRuns)
    .innerJoin(checkupPlans, eq(checkupPlans.id, checkupRuns.planId))
    .where(eq(checkupRuns.teamId, teamId))
    .orderBy(desc(checkupRuns.startsAt), desc(checkupRuns.runNo))
    .limit(limit + 1);
  if (runRows.length === 0) return [];
  const runIds = runRows.map((r) => r.runId);
  const rows = await db
    .select({ ...columnsOf(assignments, 'id', 'userId', 'runId', 'itemId', 'dueAt', 'completedAt'), name: users.name })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.userId))
    .where(inArray(assignments.runId, runIds))
    .orderBy(asc(users.name), asc(assignments.userId));
  const tried = await attemptsFor(db, rows.map((r) => r.id));
  const profiles = await checkupSkillProfiles(db, runIds);

  // (run, learner) → the learner's items in that run, in name order.
  const cells = new Map<string, Map<string, { name: string; items: AssignmentView[] }>>(runIds.map((id) => [id, new Map()]));
  for (const r of rows) {
    const learners = cells.get(r.runId!)!;
    const cell = learners.get(r.userId) ?? { name: r.name, items: [] };
    cell.items.push(viewOf({ ...r, runId: r.runId! }, tried, now));
    learners.set(r.userId, cell);
  }
  const results = runRows.map((run) =>
    [...cells.get(run.runId)!].map(([userId, cell]) => ({
      userId,
      name: cell.name,
      overdue: cell.items.filter((i) => i.overdue).length,
      ...resultOf(run.runId, cell.items, profiles.get(`${userId}:${run.runId}`)),
      previous: null as RunResult | null,
    })),
  );
  // Runs are newest first: a learner's previous check-up is their result in the nearest later index.
  results.forEach((learners, i) => {
    for (const l of learners) {
      for (let j = i + 1; j < results.length; j++) {
        const earlier = results[j]!.find((x) => x.userId === l.userId);
        if (earlier) {
          l.previous = { runId: earlier.runId, completed: earlier.completed, total: earlier.total, overall: earlier.overall, skills: earlier.skills };
          break;
        }
      }
    }
  });
  return runRows.slice(0, limit).map((run, i) => {
    const learners = results[i]!;
    return {
      ...run,
      learners,
      learnersDone: learners.filter((l) => l.total > 0 && l.completed === l.total).length,
      learnersOverdue: learners.filter((l) => l.overdue > 0).length,
      assignmentsDone: learners.reduce((a, l) => a + l.completed, 0),
      assignmentsTotal: learners.reduce((a, l) => a + l.total, 0),
      overall: teamRunScore(learners.map((l) => l.overall)),
    };
  });
}

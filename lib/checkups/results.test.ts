import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignments, teamMembers, teams } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { decideAttempt } from '@/lib/attempts/decide';
import { startAttempt } from '@/lib/attempts/start';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { createPlan } from './plans';
import { overdueByUser } from './overdue';
import { learnerCheckups, teamCheckupResults } from './results';

const DAY = 86_400_000;
const t0 = new Date('2030-01-06T09:00:00.000Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);

describe.each(testDrivers)('check-up results on %s', (driver) => {
  const t = blockDatabase(driver);
  let learners: { id: string }[];
  let teamId: string;
  let firstScore: number;

  /** Plays an assignment's scenario, always taking the first choice on offer; stops after `steps` decisions if given. */
  async function play(userId: string, assignmentId: string, steps = Infinity) {
    const [a] = await t.db.select().from(assignments).where(eq(assignments.id, assignmentId));
    const started = await startAttempt(t.db, userId, scenarioCatalogue().get(a!.itemId)!, 'practice', assignmentId);
    let turn = started.turn;
    for (let seq = 0; seq < steps; seq++) {
      const answer = await decideAttempt(t.db, userId, started.attemptId, { seq, choiceId: turn.choices[0]!.id });
      if (answer.ending) return { attemptId: started.attemptId, score: answer.ending.score.overall };
      turn = answer.turn!;
    }
    return { attemptId: started.attemptId, score: null };
  }

  beforeAll(async () => {
    const manager = await makeUser(t.db, { email: 'm@example.com', role: 'manager' });
    learners = [
      await makeUser(t.db, { email: 'ann@example.com', name: 'Ann' }),
      await makeUser(t.db, { email: 'ben@example.com', name: 'Ben' }),
    ];
    const [team] = await t.db.insert(teams).values({ name: 'Harbour' }).returning();
    teamId = team!.id;
    await t.db.insert(teamMembers).values(learners.map((u) => ({ teamId, userId: u.id })));
    await createPlan(t.db, manager, { teamId, name: 'Spring', recurDays: null, scenarioCount: 2 }, t0);
  });

  it('lists a new check-up’s open assignments with nothing scored yet', async () => {
    const { open, runs } = await learnerCheckups(t.db, learners[0]!.id, at(1));
    expect(open).toHaveLength(2);
    for (const a of open) expect(a).toMatchObject({ dueAt: at(14), overdue: false, attemptId: null, score: null, completedAt: null });
    expect(runs).toMatchObject([{ planName: 'Spring', teamName: 'Harbour', runNo: 1, result: { completed: 0, total: 2, overall: null }, previous: null }]);
    expect(Object.values(runs[0]!.result.skills).every((s) => s.score === null)).toBe(true);
  });

  it('scores a completed check-up overall and per skill, and offers to continue the one in progress', async () => {
    const [first, second] = (await learnerCheckups(t.db, learners[0]!.id, at(1))).open;
    const done = await play(learners[0]!.id, first!.assignmentId);
    const half = await play(learners[0]!.id, second!.assignmentId, 1);
    firstScore = done.score!;
    const { open, runs } = await learnerCheckups(t.db, learners[0]!.id, at(2));
    expect(open).toEqual([expect.objectContaining({ assignmentId: second!.assignmentId, attemptId: half.attemptId, score: null })]);
    const item = runs[0]!.items.find((i) => i.assignmentId === first!.assignmentId)!;
    expect(item.completedAt).not.toBeNull();
    expect(item).toMatchObject({ score: firstScore, attemptId: null, completedAttemptId: done.attemptId, overdue: false });
    expect(runs[0]!.result).toMatchObject({ completed: 1, total: 2, overall: firstScore });
    // Only the completed attempt's decisions count towards the skills.
    const scored = Object.values(runs[0]!.result.skills).filter((s) => s.score !== null);
    expect(scored.length).toBeGreaterThan(0);
    const scenario = scenarioCatalogue().get(first!.scenarioId)!.scenario;
    for (const [k, s] of Object.entries(runs[0]!.result.skills)) if (s.score !== null) expect(scenario.skills).toContain(k);
  });

  it('flags overdue assignments for the learner and per learner for the manager', async () => {
    const { open } = await learnerCheckups(t.db, learners[0]!.id, at(20));
    expect(open.map((o) => o.overdue)).toEqual([true]);
    const overdue = await overdueByUser(t.db, learners.map((l) => l.id), at(20));
    expect(overdue.get(learners[0]!.id)).toEqual({ overdue: 1, oldestDueAt: at(14) });
    expect(overdue.get(learners[1]!.id)).toEqual({ overdue: 2, oldestDueAt: at(14) });
    expect((await overdueByUser(t.db, learners.map((l) => l.id), at(13))).size).toBe(0);
  });

  it('compares a check-up with the learner’s previous one, and lists overdue work first', async () => {
    const manager = await makeUser(t.db, { email: 'm2@example.com', role: 'manager' });
    await createPlan(t.db, manager, { teamId, name: 'Summer', recurDays: null, scenarioCount: 1 }, at(20));
    const { open, runs } = await learnerCheckups(t.db, learners[0]!.id, at(21));
    expect(runs.map((r) => r.planName)).toEqual(['Summer', 'Spring']);
    expect(runs[0]!.previous).toMatchObject({ runId: runs[1]!.runId, overall: firstScore, completed: 1 });
    expect(runs[1]!.previous).toBeNull();
    expect(open.map((o) => [o.overdue, o.dueAt])).toEqual([
      [true, at(14)],
      [false, at(34)],
    ]);
  });

  it('gives a manager each run with every learner’s result, completion and overdue counts', async () => {
    const runs = await teamCheckupResults(t.db, teamId, at(21));
    expect(runs.map((r) => r.planName)).toEqual(['Summer', 'Spring']);
    const [summer, spring] = runs;
    expect(spring).toMatchObject({ assignmentsDone: 1, assignmentsTotal: 4, learnersDone: 0, learnersOverdue: 2, overall: firstScore });
    expect(spring!.learners.map((l) => [l.name, l.completed, l.total, l.overdue])).toEqual([
      ['Ann', 1, 2, 1],
      ['Ben', 0, 2, 2],
    ]);
    expect(summer).toMatchObject({ assignmentsDone: 0, assignmentsTotal: 2, learnersOverdue: 0, overall: null });
    expect(summer!.learners.find((l) => l.name === 'Ann')!.previous).toMatchObject({ overall: firstScore, completed: 1 });
    // With one run shown, its comparison still comes from the run before.
    const latest = await teamCheckupResults(t.db, teamId, at(21), 1);
    expect(latest).toHaveLength(1);
    expect(latest[0]!.learners.find((l) => l.name === 'Ann')!.previous).toMatchObject({ overall: firstScore });
    expect(await teamCheckupResults(t.db, crypto.randomUUID(), at(21))).toEqual([]);
  });
});

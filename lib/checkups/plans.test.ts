import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignments, auditLog, checkupPlans, checkupRuns, teamManagers, teamMembers, teams } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { assertManagesTeam } from '@/lib/auth/access';
import { createPlan, listPlans, maybeRunDueCheckups, nextRunAfter, resetDueCheck, runDueCheckups, stopPlan } from './plans';

const DAY = 86_400_000;
const t0 = new Date('2030-01-06T09:00:00.000Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);
type User = Awaited<ReturnType<typeof makeUser>>;

describe('nextRunAfter', () => {
  it('moves to the next slot after now, skipping missed periods', () => {
    expect(nextRunAfter(t0, 7, t0)).toEqual(at(7));
    expect(nextRunAfter(t0, 7, at(6.9))).toEqual(at(7));
    expect(nextRunAfter(t0, 7, at(7))).toEqual(at(14));
    expect(nextRunAfter(t0, 7, at(30))).toEqual(at(35));
    expect(nextRunAfter(t0, null, at(30))).toBeNull();
  });
});

describe.each(testDrivers)('check-up plans on %s', (driver) => {
  const t = blockDatabase(driver);
  let manager: User;
  let learners: User[];
  let teamId: string;

  const assignmentsOf = (runId: string) => t.db.select().from(assignments).where(eq(assignments.runId, runId));
  const runsOf = (planId: string) => t.db.select().from(checkupRuns).where(eq(checkupRuns.planId, planId)).orderBy(checkupRuns.runNo);

  beforeAll(async () => {
    manager = await makeUser(t.db, { email: 'm@example.com', role: 'manager' });
    learners = [
      await makeUser(t.db, { email: 'a@example.com' }),
      await makeUser(t.db, { email: 'b@example.com' }),
      await makeUser(t.db, { email: 'c@example.com' }),
    ];
    const gone = await makeUser(t.db, { email: 'gone@example.com', active: false });
    const [team] = await t.db.insert(teams).values({ name: 'Harbour' }).returning();
    teamId = team!.id;
    // The manager is on the team too, but check-ups are for learners.
    await t.db.insert(teamMembers).values([...learners, gone, manager].map((u) => ({ teamId, userId: u.id })));
  });

  it('runs a new plan at once: each active learner gets distinct scenarios, due after the days to complete', async () => {
    const { plan, firstRun } = await createPlan(t.db, manager, { teamId, name: 'Quarterly' }, t0);
    expect(plan).toMatchObject({ scenarioCount: 3, daysToComplete: 14, recurDays: 90, active: true, createdBy: manager.id });
    expect(plan.nextRunAt).toEqual(at(90));
    expect(firstRun).toMatchObject({ runNo: 1, learners: 3, assignments: 9 });
    const [run] = await runsOf(plan.id);
    expect(run).toMatchObject({ runNo: 1, teamId, startsAt: t0, dueAt: at(14) });
    const rows = await assignmentsOf(run!.id);
    expect(rows).toHaveLength(9);
    for (const l of learners) {
      const mine = rows.filter((r) => r.userId === l.id);
      expect(mine).toHaveLength(3);
      expect(new Set(mine.map((r) => r.itemId)).size).toBe(3);
      for (const r of mine) expect(r).toMatchObject({ kind: 'scenario', dueAt: at(14), assignedBy: manager.id, completedAt: null });
    }
    // Nothing more is due until the next slot.
    expect(await runDueCheckups(t.db, at(89))).toEqual([]);
  });

  it('answers a repeated request with the plan the first made, even when both arrive at once', async () => {
    const ask = () => createPlan(t.db, manager, { teamId, name: 'Retried', scenarioCount: 1, recurDays: null }, t0);
    const [a, b] = await Promise.all([ask(), ask()]);
    expect(a.plan.id).toBe(b.plan.id);
    expect([a.repeated ?? false, b.repeated ?? false].sort()).toEqual([false, true]);
    expect(await t.db.select().from(checkupPlans).where(eq(checkupPlans.name, 'Retried'))).toHaveLength(1);
    expect((await ask()).plan.id).toBe(a.plan.id);
    // Different settings are a different plan.
    const other = await createPlan(t.db, manager, { teamId, name: 'Retried', scenarioCount: 2, recurDays: null }, t0);
    expect(other.plan.id).not.toBe(a.plan.id);
  });

  it('checks the plan’s fields and the team', async () => {
    await expect(createPlan(t.db, manager, { teamId, name: 'x', scenarioCount: 11 }, t0)).rejects.toMatchObject({ status: 400, message: /scenarioCount/ });
    await expect(createPlan(t.db, manager, { teamId, name: 'x', recurDays: 3 }, t0)).rejects.toMatchObject({ status: 400, message: /recurDays/ });
    await expect(createPlan(t.db, manager, { teamId, name: '  ' }, t0)).rejects.toMatchObject({ status: 400, message: /name/ });
    await expect(createPlan(t.db, manager, { teamId, name: 'x', daysToComplete: 0 }, t0)).rejects.toMatchObject({ status: 400 });
    await expect(createPlan(t.db, manager, { teamId: crypto.randomUUID(), name: 'x' }, t0)).rejects.toMatchObject({ status: 404 });
  });

  it('recurs: the next run avoids each learner’s scenarios from the last run', async () => {
    const { plan } = await createPlan(t.db, manager, { teamId, name: 'Monthly', recurDays: 30 }, t0);
    const created = await runDueCheckups(t.db, at(30));
    expect(created.filter((c) => c.planId === plan.id)).toMatchObject([{ runNo: 2, assignments: 9 }]);
    const [first, second] = await runsOf(plan.id);
    const before = await assignmentsOf(first!.id);
    const after = await assignmentsOf(second!.id);
    for (const l of learners) {
      const old = new Set(before.filter((r) => r.userId === l.id).map((r) => r.itemId));
      const fresh = after.filter((r) => r.userId === l.id).map((r) => r.itemId);
      expect(fresh).toHaveLength(3);
      expect(fresh.filter((id) => old.has(id))).toEqual([]);
    }
    expect(second).toMatchObject({ startsAt: at(30), dueAt: at(44) });
  });

  it('after a long outage creates one run, not a backlog, and moves to the next future slot', async () => {
    const { plan } = await createPlan(t.db, manager, { teamId, name: 'Weekly', recurDays: 7, startsAt: at(1) }, t0);
    expect(await runsOf(plan.id)).toHaveLength(0);
    await runDueCheckups(t.db, at(40));
    expect(await runsOf(plan.id)).toHaveLength(1);
    const [row] = await t.db.select().from(checkupPlans).where(eq(checkupPlans.id, plan.id));
    expect(row!.nextRunAt).toEqual(at(43));
  });

  it('runs a one-off plan once', async () => {
    const { plan, firstRun } = await createPlan(t.db, manager, { teamId, name: 'Once', recurDays: null, scenarioCount: 1 }, t0);
    expect(firstRun).toMatchObject({ runNo: 1, assignments: 3 });
    expect(plan.nextRunAt).toBeNull();
    await runDueCheckups(t.db, at(400));
    expect(await runsOf(plan.id)).toHaveLength(1);
  });

  it('creates one run when several callers notice the same due plan at once', async () => {
    const { plan } = await createPlan(t.db, manager, { teamId, name: 'Race', recurDays: 7, startsAt: at(2) }, t0);
    const results = await Promise.all([runDueCheckups(t.db, at(3)), runDueCheckups(t.db, at(3)), runDueCheckups(t.db, at(3))]);
    expect(results.flat().filter((r) => r.planId === plan.id)).toHaveLength(1);
    expect(await runsOf(plan.id)).toHaveLength(1);
    // The unique (plan, run_no) index refuses a second run 1 outright.
    const [run] = await runsOf(plan.id);
    await expect(t.db.insert(checkupRuns).values({ planId: plan.id, teamId, runNo: 1, seed: 1, startsAt: t0, dueAt: t0 })).rejects.toThrow();
    expect(run!.runNo).toBe(1);
  });

  it('stops a plan: no more runs, and the assignments already made stay', async () => {
    const { plan, firstRun } = await createPlan(t.db, manager, { teamId, name: 'Stopped', recurDays: 7 }, t0);
    const stopped = await stopPlan(t.db, plan.id, manager);
    expect(stopped).toMatchObject({ active: false, nextRunAt: null });
    // Both the plan and its stop are in the audit log, by the manager.
    const logged = await t.db.select().from(auditLog).where(eq(auditLog.actorId, manager.id));
    expect(logged.filter((e) => (e.detail as { planId?: string } | null)?.planId === plan.id).map((e) => e.action).sort()).toEqual(['checkup.plan_created', 'checkup.plan_stopped']);
    await runDueCheckups(t.db, at(100));
    expect(await runsOf(plan.id)).toHaveLength(1);
    expect(await assignmentsOf(firstRun!.runId)).toHaveLength(9);
    await expect(stopPlan(t.db, crypto.randomUUID())).rejects.toMatchObject({ status: 404 });
  });

  it('on page loads, checks at most every half minute and runs what is due', async () => {
    const { plan } = await createPlan(t.db, manager, { teamId, name: 'On load', recurDays: 7, startsAt: at(500) }, at(499));
    resetDueCheck();
    const now = at(501);
    expect((await maybeRunDueCheckups(t.db, now)).map((r) => r.planId)).toContain(plan.id);
    const { plan: later } = await createPlan(t.db, manager, { teamId, name: 'On load 2', recurDays: 7, startsAt: at(501) }, at(500));
    // Within 30 s of the last check nothing is queried.
    expect(await maybeRunDueCheckups(t.db, new Date(now.getTime() + 10_000))).toEqual([]);
    expect(await runsOf(later.id)).toHaveLength(0);
    expect((await maybeRunDueCheckups(t.db, new Date(now.getTime() + 31_000))).map((r) => r.planId)).toEqual([later.id]);
  });

  it('lists a team’s plans, active first, with their run counts', async () => {
    const plans = await listPlans(t.db, [teamId]);
    expect(plans.length).toBeGreaterThanOrEqual(7);
    const firstInactive = plans.findIndex((p) => !p.active);
    expect(plans.slice(firstInactive).every((p) => !p.active)).toBe(true);
    expect(plans.find((p) => p.name === 'Once')).toMatchObject({ runs: 1, lastRunAt: t0, nextRunAt: null, active: true });
    expect(plans.find((p) => p.name === 'Stopped')).toMatchObject({ runs: 1, active: false });
    expect(await listPlans(t.db, [])).toEqual([]);
    const none = await t.db.select().from(assignments).where(and(eq(assignments.userId, manager.id)));
    expect(none).toEqual([]);
  });

  it('lets a team’s managers and admins manage its check-ups, and nobody else', async () => {
    await t.db.insert(teamManagers).values({ teamId, userId: manager.id }).onConflictDoNothing();
    const other = await makeUser(t.db, { email: 'other@example.com', role: 'manager' });
    const admin = await makeUser(t.db, { email: 'admin@example.com', role: 'admin' });
    await expect(assertManagesTeam(t.db, manager, teamId)).resolves.toMatchObject({ id: teamId });
    await expect(assertManagesTeam(t.db, admin, teamId)).resolves.toMatchObject({ id: teamId });
    await expect(assertManagesTeam(t.db, other, teamId)).rejects.toMatchObject({ status: 404 });
    await expect(assertManagesTeam(t.db, learners[0]!, teamId)).rejects.toMatchObject({ status: 403 });
    await expect(assertManagesTeam(t.db, admin, crypto.randomUUID())).rejects.toMatchObject({ status: 404 });
    await expect(assertManagesTeam(t.db, other, 'not-a-uuid')).rejects.toMatchObject({ status: 404 });
  });
});

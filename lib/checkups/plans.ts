// Check-up plans and their runs: create and stop plans, and turn due plans into runs with per-learner assignments.
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { assignments, checkupPlans, checkupRuns, teamMembers, teams, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import { HttpError } from '@/lib/http-error';
import { skillProfiles } from '@/lib/skills/profiles';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { isUuid } from '@/lib/ids';
import { selectScenarios, type CatalogueEntry } from './select';
import { queueStatements, xapiSettings } from '@/lib/xapi/outbox';
import { checkupAssigned } from '@/lib/xapi/statements';

const DAY_MS = 86_400_000;

/** What a manager chooses for a plan; the defaults are the product's suggested cadence. */
export const PlanFields = z.strictObject({
  name: z.string().trim().min(1, 'give the check-up a name').max(100, 'keep the name under 100 characters'),
  scenarioCount: z.number().int('use a whole number').min(1, 'at least 1 scenario').max(10, 'at most 10 scenarios').default(3),
  daysToComplete: z.number().int('use a whole number').min(1, 'at least 1 day').max(365, 'at most 365 days').default(14),
  // Null: a one-off check-up.
  recurDays: z.number().int('use a whole number').min(7, 'repeat every 7 days or more').max(730, 'repeat at most every 730 days').nullable().default(90),
  // When the first run happens; omitted or past means now.
  startsAt: z.coerce.date('give the start as a date').optional(),
});
export type PlanInput = z.input<typeof PlanFields>;

export type Plan = typeof checkupPlans.$inferSelect;
export type Run = typeof checkupRuns.$inferSelect;

export interface RunCreated {
  planId: string;
  teamId: string;
  runId: string;
  runNo: number;
  learners: number;
  assignments: number;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface RunOptions {
  /** The scenarios to choose from; the served catalogue when omitted. */
  catalogue?: readonly CatalogueEntry[];
}

function servedCatalogue(): CatalogueEntry[] {
  return [...scenarioCatalogue().values()].map((s) => ({ id: s.scenario.id, skills: s.scenario.skills }));
}

/**
 * The next time after `now` on the plan's cadence. A plan that missed several periods (nobody
 * loaded the app) moves straight to the next future slot: one run now, no backlog.
 */
export function nextRunAfter(due: Date, recurDays: number | null, now: Date): Date | null {
  if (recurDays === null) return null;
  const period = recurDays * DAY_MS;
  const periods = Math.floor(Math.max(0, now.getTime() - due.getTime()) / period) + 1;
  return new Date(due.getTime() + periods * period);
}

/**
 * Creates a plan for a team. Its first run happens at once, unless a future start is given.
 * Whether the actor may manage the team is the caller's check.
 */
/** A request repeating an identical plan by the same person within this window is the same request. */
export const REPEAT_WINDOW_SECONDS = 120;

export async function createPlan(
  db: Db,
  actor: { id: string },
  input: PlanInput & { teamId: string },
  now = new Date(),
  options: RunOptions = {},
): Promise<{ plan: Plan; firstRun: RunCreated | null; repeated?: boolean }> {
  const { teamId, ...fields } = input;
  const parsed = PlanFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, `${issue.path.join('.')}: ${issue.message}`);
  }
  const f = parsed.data;
  const [team] = isUuid(teamId) ? await db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)) : [];
  if (!team) throw new HttpError(404, 'There is no such team.');
  if (f.startsAt && f.startsAt.getTime() > now.getTime() + 366 * DAY_MS) {
    throw new HttpError(400, 'startsAt: start within the next year');
  }
  const startsAt = f.startsAt && f.startsAt > now ? f.startsAt : now;
  // A retried request (a double click, a proxy's retry) finds the plan its first copy made, under a
  // lock per team and name so two copies at once cannot both insert.
  const made = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`checkup-plan:${teamId}:${f.name}`}))`);
    const [same] = await tx
      .select()
      .from(checkupPlans)
      .where(
        and(
          eq(checkupPlans.teamId, teamId),
          eq(checkupPlans.name, f.name),
          eq(checkupPlans.createdBy, actor.id),
          eq(checkupPlans.scenarioCount, f.scenarioCount),
          eq(checkupPlans.daysToComplete, f.daysToComplete),
          f.recurDays === null || f.recurDays === undefined ? sql`${checkupPlans.recurDays} is null` : eq(checkupPlans.recurDays, f.recurDays),
          sql`${checkupPlans.createdAt} > now() - make_interval(secs => ${REPEAT_WINDOW_SECONDS})`,
        ),
      )
      .limit(1);
    if (same) return { plan: same, repeated: true };
    const [plan] = await tx
      .insert(checkupPlans)
      .values({
        teamId,
        name: f.name,
        scenarioCount: f.scenarioCount,
        daysToComplete: f.daysToComplete,
        recurDays: f.recurDays,
        nextRunAt: startsAt,
        createdBy: actor.id,
      })
      .returning();
    return { plan: plan!, repeated: false };
  });
  if (made.repeated) return { plan: made.plan, firstRun: null, repeated: true };
  const plan = made.plan;
  const firstRun = startsAt <= now ? await runPlan(db, plan!, now, options) : null;
  await audit(db, {
    action: 'checkup.plan_created',
    actorId: actor.id,
    subject: team.name,
    detail: { planId: plan!.id, name: f.name, scenarioCount: f.scenarioCount, daysToComplete: f.daysToComplete, recurDays: f.recurDays, assigned: firstRun?.assignments ?? 0 },
  });
  const [fresh] = await db.select().from(checkupPlans).where(eq(checkupPlans.id, plan!.id));
  return { plan: fresh!, firstRun };
}

export async function getPlan(db: Db, planId: string): Promise<Plan | undefined> {
  if (!isUuid(planId)) return undefined;
  const [plan] = await db.select().from(checkupPlans).where(eq(checkupPlans.id, planId));
  return plan;
}

/** Stops future runs. Assignments already made stay, so learners can still finish them. */
export async function stopPlan(db: Db, planId: string, actor?: { id: string }): Promise<Plan> {
  const plan = await getPlan(db, planId);
  if (!plan) throw new HttpError(404, 'There is no such check-up plan.');
  if (!plan.active) return plan;
  const [stopped] = await db.update(checkupPlans).set({ active: false, nextRunAt: null }).where(eq(checkupPlans.id, planId)).returning();
  await audit(db, { action: 'checkup.plan_stopped', actorId: actor?.id ?? null, subject: plan.teamId, detail: { planId, name: plan.name } });
  return stopped!;
}

export interface PlanSummary extends Plan {
  runs: number;
  lastRunAt: Date | null;
}

/** The plans of these teams, active ones first, newest first, with how many runs each has had. */
export async function listPlans(db: Db, teamIds: string[]): Promise<PlanSummary[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .select({
      plan: checkupPlans,
      runs: sql<number>`(select count(*)::int from ${checkupRuns} r where r.plan_id = "checkup_plans"."id")`,
      lastRunAt: sql`(select max(r.starts_at) from ${checkupRuns} r where r.plan_id = "checkup_plans"."id")`.mapWith(checkupRuns.startsAt),
    })
    .from(checkupPlans)
    .where(inArray(checkupPlans.teamId, teamIds))
    .orderBy(desc(checkupPlans.active), desc(checkupPlans.createdAt));
  return rows.map((r) => ({ ...r.plan, runs: Number(r.runs), lastRunAt: r.lastRunAt ?? null }));
}

/** Creates a run for every plan that is due, each at most once however many instances try. */
export async function runDueCheckups(db: Db, now = new Date(), options: RunOptions = {}): Promise<RunCreated[]> {
  const due = await db
    .select()
    .from(checkupPlans)
    .where(and(eq(checkupPlans.active, true), isNotNull(checkupPlans.nextRunAt), lte(checkupPlans.nextRunAt, now)))
    .orderBy(asc(checkupPlans.nextRunAt));
  const created: RunCreated[] = [];
  for (const plan of due) {
    const run = await runPlan(db, plan, now, options);
    if (run) created.push(run);
  }
  return created;
}

/**
 * Claims the plan's due slot and creates its run in one transaction. The claim moves
 * next_run_at past `now` only if it is still due, so of two instances noticing the same plan
 * one gets the row and the other gets nothing; the unique (plan, run_no) index backs this up.
 */
async function runPlan(db: Db, plan: Plan, now: Date, options: RunOptions): Promise<RunCreated | null> {
  const catalogue = options.catalogue ?? servedCatalogue();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(checkupPlans)
      .set({ nextRunAt: nextRunAfter(plan.nextRunAt ?? now, plan.recurDays, now) })
      .where(and(eq(checkupPlans.id, plan.id), eq(checkupPlans.active, true), lte(checkupPlans.nextRunAt, now)))
      .returning();
    if (!claimed) return null;
    return createRun(tx, claimed, now, catalogue);
  });
}

async function createRun(tx: Tx, plan: Plan, now: Date, catalogue: readonly CatalogueEntry[]): Promise<RunCreated> {
  const [previous] = await tx
    .select({ id: checkupRuns.id, runNo: checkupRuns.runNo })
    .from(checkupRuns)
    .where(eq(checkupRuns.planId, plan.id))
    .orderBy(desc(checkupRuns.runNo))
    .limit(1);
  const seed = crypto.randomInt(0, 2 ** 31 - 1);
  const dueAt = new Date(now.getTime() + plan.daysToComplete * DAY_MS);
  const [run] = await tx
    .insert(checkupRuns)
    .values({ planId: plan.id, teamId: plan.teamId, runNo: (previous?.runNo ?? 0) + 1, seed, startsAt: now, dueAt })
    .returning();

  const learners = await tx
    .select({ id: users.id })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, plan.teamId), eq(users.active, true), eq(users.role, 'learner')))
    .orderBy(asc(users.id));
  const ids = learners.map((l) => l.id);
  const recent = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  if (previous && ids.length) {
    const played = await tx
      .select({ userId: assignments.userId, itemId: assignments.itemId })
      .from(assignments)
      .where(eq(assignments.runId, previous.id));
    for (const p of played) recent.get(p.userId)?.add(p.itemId);
  }
  const profiles = await skillProfiles(tx, ids);

  const rows = ids.flatMap((userId) =>
    selectScenarios({ seed, userId, count: plan.scenarioCount, profile: profiles.get(userId)!, recent: recent.get(userId)!, catalogue }).map(
      (itemId) => ({ userId, kind: 'scenario', itemId, runId: run!.id, assignedBy: plan.createdBy, dueAt }),
    ),
  );
  // One statement per few thousand rows keeps under PostgreSQL's parameter limit for any team size.
  const xapi = xapiSettings();
  for (let i = 0; i < rows.length; i += 5000) {
    const made = await tx.insert(assignments).values(rows.slice(i, i + 5000)).returning({ id: assignments.id, userId: assignments.userId, itemId: assignments.itemId });
    if (xapi) {
      const title = (id: string) => scenarioCatalogue().get(id)?.scenario.title ?? id;
      const at = new Date();
      await queueStatements(tx, made.map((a) => checkupAssigned(xapi.source, { userId: a.userId, assignmentId: a.id, scenario: { id: a.itemId, title: title(a.itemId) }, plan: plan.name, dueAt, at })));
    }
  }
  return { planId: plan.id, teamId: plan.teamId, runId: run!.id, runNo: run!.runNo, learners: ids.length, assignments: rows.length };
}

// Per process: when the due check last ran, and the check in flight, so a burst of page loads
// costs one indexed query at most every CHECK_INTERVAL_MS.
const CHECK_INTERVAL_MS = 30_000;
const KEY = Symbol.for('empathy-trainer.checkups-due');
type DueState = { lastAt: number; inFlight?: Promise<RunCreated[]> };
const dueState: DueState = ((globalThis as Record<symbol, unknown>)[KEY] as DueState | undefined) ?? { lastAt: 0 };
(globalThis as Record<symbol, unknown>)[KEY] = dueState;

/**
 * Recurrence without a scheduler: page loads call this, and it creates any due runs. Cheap when
 * nothing is due. Waiting callers share the check in flight, so a page that reads assignments
 * after calling this sees the runs the check created.
 */
export function maybeRunDueCheckups(db: Db, now = new Date()): Promise<RunCreated[]> {
  if (dueState.inFlight) return dueState.inFlight;
  if (now.getTime() - dueState.lastAt < CHECK_INTERVAL_MS) return Promise.resolve([]);
  dueState.lastAt = now.getTime();
  const check = (async () => {
    const [any] = await db
      .select({ one: sql<number>`1` })
      .from(checkupPlans)
      .where(and(eq(checkupPlans.active, true), lte(checkupPlans.nextRunAt, now)))
      .limit(1);
    return any ? runDueCheckups(db, now) : [];
  })();
  dueState.inFlight = check;
  return check.finally(() => {
    if (dueState.inFlight === check) dueState.inFlight = undefined;
  });
}

/** Lets the next maybeRunDueCheckups call check again at once (tests, and after creating a plan). */
export function resetDueCheck(): void {
  dueState.lastAt = 0;
}

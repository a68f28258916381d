// The manager's team overview: members × skills, onboarding, activity, overdue check-ups and the team's trend, in a fixed number of queries.
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { teamMembers, teams, users } from '@/db/schema';
import { overdueByUser } from '@/lib/checkups/overdue';
import { checkupSkillProfiles, learnerRunScore, teamRunScore } from '@/lib/checkups/scores';
import { skillIds, type SkillId } from '@/lib/curriculum';
import { pathProgress, type LearningPath } from '@/lib/content/paths';
import { finishedWorkOf } from './learner';
import { averageProfile, emptyProfile, skillProfiles, weakestSkill, type SkillProfile } from '@/lib/skills/profiles';

export type HeatmapBasis = 'checkup' | 'recent';
export const RECENT_DAYS = 90;

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  profile: SkillProfile;
  /** Steps of the onboarding path done, out of the path's length. */
  onboardingDone: number;
  lastActivity: Date | null;
  overdue: number;
}

export interface RunSummary {
  id: string;
  planName: string;
  runNo: number;
  startsAt: Date;
  dueAt: Date;
  assigned: number;
  completed: number;
  /** The team's score for the run (`teamRunScore`, ADR 19), or null before anyone finishes a scenario. */
  average: number | null;
}

export interface TeamOverview {
  team: { id: string; name: string };
  basis: HeatmapBasis;
  /** The run the heatmap shows when the basis is the latest check-up. */
  latestRun: RunSummary | null;
  members: MemberRow[];
  teamProfile: SkillProfile;
  weakest: SkillId | null;
  pathLength: number;
  runs: RunSummary[];
}

/** Each team run with how many assignments it made, how many are finished and the team's score (ADR 19). One query. */
export async function teamRuns(db: Db, teamId: string): Promise<RunSummary[]> {
  const rows = await queryRows<{ id: string; planName: string; runNo: number; startsAt: string | Date; dueAt: string | Date; assigned: number; completed: number; learnerScores: number[][] }>(
    db,
    sql`select r.id, p.name as "planName", r.run_no as "runNo", r.starts_at as "startsAt", r.due_at as "dueAt",
               (select count(*)::int from assignments s where s.run_id = r.id) as assigned,
               (select count(*)::int from assignments s where s.run_id = r.id and s.completed_at is not null) as completed,
               -- Each learner's finished scores, one array per learner: the team's score weighs learners, not attempts.
               (select coalesce(json_agg(l.scores), '[]'::json) from (
                  select json_agg(a.score) as scores
                  from assignments s join attempts a on a.assignment_id = s.id and a.status = 'completed'
                  where s.run_id = r.id and s.completed_at is not null
                  group by s.user_id) l) as "learnerScores"
        from checkup_runs r
        join checkup_plans p on p.id = r.plan_id
        where r.team_id = ${teamId}
        order by r.starts_at, r.run_no`,
  );
  return rows.map(({ learnerScores, ...r }) => ({
    ...r,
    startsAt: new Date(r.startsAt),
    dueAt: new Date(r.dueAt),
    average: teamRunScore(learnerScores.map((scores) => learnerRunScore(scores.map(Number)))),
  }));
}

export async function teamOverview(
  db: Db,
  teamId: string,
  path: LearningPath,
  basis: HeatmapBasis,
  now = new Date(),
): Promise<TeamOverview | null> {
  const [team] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, teamId));
  if (!team) return null;
  const [memberRows, runs] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, teamId), eq(users.active, true), eq(users.role, 'learner')))
      .orderBy(asc(users.name)),
    teamRuns(db, teamId),
  ]);
  const ids = memberRows.map((m) => m.id);
  // The newest run that has started: the one a "latest check-up" heatmap reports.
  const latestRun = [...runs].reverse().find((r) => r.startsAt <= now) ?? null;
  const profilesOf = async (): Promise<Map<string, SkillProfile>> => {
    if (basis !== 'checkup') return skillProfiles(db, ids, { since: new Date(now.getTime() - RECENT_DAYS * 86_400_000), window: 0 });
    // The same profile the check-up results show, so the heatmap and /team/checkups agree (ADR 19).
    const byRun = latestRun ? await checkupSkillProfiles(db, [latestRun.id]) : new Map<string, SkillProfile>();
    return new Map(ids.map((id) => [id, byRun.get(`${id}:${latestRun!.id}`) ?? emptyProfile()]));
  };

  const [profiles, finished, activity, overdue] = await Promise.all([
    profilesOf(),
    finishedWorkOf(db, ids),
    lastActivity(db, ids),
    overdueByUser(db, ids, now),
  ]);
  const members = memberRows.map((m) => ({
    ...m,
    profile: profiles.get(m.id)!,
    onboardingDone: pathProgress(path, finished.get(m.id)!).completed,
    lastActivity: activity.get(m.id) ?? null,
    overdue: overdue.get(m.id)?.overdue ?? 0,
  }));
  const teamProfile = averageProfile(members.map((m) => m.profile));
  return { team, basis, latestRun, members, teamProfile, weakest: weakestSkill(teamProfile), pathLength: path.items.length, runs };
}

/** The latest thing each learner did: a decision, or a module opened or finished. One query. */
async function lastActivity(db: Db, userIds: string[]): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const list = sql`${`{${userIds.join(',')}}`}::uuid[]`;
  const rows = await queryRows<{ userId: string; at: string | Date }>(
    db,
    sql`select user_id as "userId", max(at) as at from (
          select a.user_id, max(d.created_at) as at from attempts a join decisions d on d.attempt_id = a.id
          where a.user_id = any(${list}) group by a.user_id
          union all
          select user_id, max(updated_at) from module_progress where user_id = any(${list}) group by user_id
        ) x group by user_id`,
  );
  return new Map(rows.map((r) => [r.userId, new Date(r.at)]));
}

export type SortKey = 'name' | 'onboarding' | 'activity' | 'overdue' | SkillId;
export const sortKeys: readonly SortKey[] = ['name', 'onboarding', 'activity', 'overdue', ...skillIds];

/** Sorts members for the table; unscored skills and no activity always sort last. */
export function sortMembers(members: MemberRow[], key: SortKey, dir: 'asc' | 'desc'): MemberRow[] {
  const value = (m: MemberRow): number | string | null => {
    if (key === 'name') return m.name.toLowerCase();
    if (key === 'onboarding') return m.onboardingDone;
    if (key === 'activity') return m.lastActivity?.getTime() ?? null;
    if (key === 'overdue') return m.overdue;
    return m.profile[key].score;
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...members].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return a.name.localeCompare(b.name);
    if (va === null) return 1;
    if (vb === null) return -1;
    if (va < vb) return -sign;
    if (va > vb) return sign;
    return a.name.localeCompare(b.name);
  });
}


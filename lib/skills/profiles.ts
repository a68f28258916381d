// Skill profiles: each skill 0–100 from a learner's recent scored decisions, for one learner or a whole team in one query.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { skillIds, type SkillId } from '@/lib/curriculum';
import { isUuid } from '@/lib/ids';

/** How many of a learner's latest decisions that score a skill count towards it. */
export const PROFILE_WINDOW = 20;
/** The rubric's delta range: every decision scores each skill between -3 and 3. */
export const DELTA_MIN = -3;
export const DELTA_MAX = 3;

export interface SkillScore {
  /** 0–100, or null when no decision has scored this skill yet. */
  score: number | null;
  /** How many decisions the score rests on. */
  decisions: number;
}

export type SkillProfile = Record<SkillId, SkillScore>;

/**
 * The mean delta of the counted decisions, placed on 0–100: a learner who always picks a +3 reply
 * scores 100, one who always picks a −3 reply scores 0, and neutral replies sit at 50.
 */
export function skillScore(sum: number, count: number): number | null {
  if (count <= 0) return null;
  const mean = sum / count;
  // Engine-scored timing can fall below DELTA_MIN in one decision (-2 for each clue left unanswered),
  // so the scale is clamped: a score is always 0 to 100, which every chart and heatmap band assumes.
  return Math.min(100, Math.max(0, Math.round((100 * (mean - DELTA_MIN)) / (DELTA_MAX - DELTA_MIN))));
}

export function emptyProfile(): SkillProfile {
  return Object.fromEntries(skillIds.map((k) => [k, { score: null, decisions: 0 }])) as SkillProfile;
}

/** Builds profiles from per-learner, per-skill sums and counts. Unknown skills are ignored. */
export function profilesFrom(rows: { userId: string; skill: string; sum: number; count: number }[], userIds: string[]): Map<string, SkillProfile> {
  const out = new Map(userIds.map((id) => [id, emptyProfile()]));
  for (const r of rows) {
    const p = out.get(r.userId);
    if (!p || !(r.skill in p)) continue;
    p[r.skill as SkillId] = { score: skillScore(Number(r.sum), Number(r.count)), decisions: Number(r.count) };
  }
  return out;
}

/** The skill with the lowest score (ties: curriculum order); null when nothing is scored yet. */
export function weakestSkill(profile: SkillProfile): SkillId | null {
  let weakest: SkillId | null = null;
  for (const k of skillIds) {
    const s = profile[k].score;
    if (s === null) continue;
    if (weakest === null || s < profile[weakest].score!) weakest = k;
  }
  return weakest;
}

/** The mean of each skill over several profiles (learners without a score for a skill are left out). */
export function averageProfile(profiles: SkillProfile[]): SkillProfile {
  const out = emptyProfile();
  for (const k of skillIds) {
    const scored = profiles.map((p) => p[k]).filter((s) => s.score !== null);
    if (scored.length === 0) continue;
    out[k] = {
      score: Math.round(scored.reduce((a, s) => a + s.score!, 0) / scored.length),
      decisions: scored.reduce((a, s) => a + s.decisions, 0),
    };
  }
  return out;
}

export interface ProfileScope {
  /** Count only decisions made at or after this time (the heatmap's "last 90 days"). */
  since?: Date;
  /** Count at most this many latest decisions per skill (default PROFILE_WINDOW; 0 for all in scope). */
  window?: number;
}

/**
 * Skill profiles for many learners in one query: each learner's latest decisions per skill,
 * windowed in SQL, summed per skill.
 */
export async function skillProfiles(db: Db, userIds: string[], scope: ProfileScope = {}): Promise<Map<string, SkillProfile>> {
  userIds = userIds.filter(isUuid);
  if (userIds.length === 0) return new Map();
  const window = scope.window ?? PROFILE_WINDOW;
  const filters: SQL[] = [sql`a.user_id = any(${toUuidArray(userIds)})`];
  if (scope.since) filters.push(sql`d.created_at >= ${scope.since.toISOString()}::timestamptz`);
  const rows = await queryRows<{ userId: string; skill: string; sum: number; count: number }>(
    db,
    sql`select user_id as "userId", skill, sum(delta)::int as sum, count(*)::int as count from (
          select a.user_id, s.key as skill, s.value::int as delta,
                 row_number() over (partition by a.user_id, s.key order by d.created_at desc, d.seq desc) as rn
          from decisions d
          join attempts a on a.id = d.attempt_id
          cross join lateral jsonb_each_text(d.scores) s
          where ${sql.join(filters, sql` and `)}
        ) ranked
        where ${window > 0 ? sql`rn <= ${window}` : sql`true`}
        group by user_id, skill`,
  );
  return profilesFrom(rows, userIds);
}

export async function skillProfile(db: Db, userId: string, scope: ProfileScope = {}): Promise<SkillProfile> {
  return (await skillProfiles(db, [userId], scope)).get(userId)!;
}

export interface TrendPoint {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  score: number;
  decisions: number;
}

/** Each skill's weekly score over the learner's whole history, oldest first. One query. */
export async function skillTrends(db: Db, userId: string): Promise<Record<SkillId, TrendPoint[]>> {
  const rows = await queryRows<{ week: string; skill: string; sum: number; count: number }>(
    db,
    sql`select to_char(date_trunc('week', d.created_at at time zone 'UTC'), 'YYYY-MM-DD') as week,
               s.key as skill, sum(s.value::int)::int as sum, count(*)::int as count
        from decisions d
        join attempts a on a.id = d.attempt_id
        cross join lateral jsonb_each_text(d.scores) s
        where a.user_id = ${userId}
        group by 1, 2
        order by 1`,
  );
  const out = Object.fromEntries(skillIds.map((k) => [k, [] as TrendPoint[]])) as Record<SkillId, TrendPoint[]>;
  for (const r of rows) {
    if (!(r.skill in out)) continue;
    out[r.skill as SkillId].push({ week: r.week, score: skillScore(Number(r.sum), Number(r.count))!, decisions: Number(r.count) });
  }
  return out;
}

// A uuid[] parameter that both drivers accept: a Postgres array literal, cast.
function toUuidArray(ids: string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

// How a check-up run is scored, defined once (ADR 19): a learner's score, the team's score, and the skill profile per learner and run.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { assignments, attempts } from '@/db/schema';
import { isSkillId } from '@/lib/curriculum';
import { emptyProfile, skillScore, type SkillProfile } from '@/lib/skills/profiles';

// A uuid[] parameter both drivers accept.
const uuidArray = (ids: string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** The rounded mean of the numbers given, or null for none. */
function roundedMean(values: number[]): number | null {
  return values.length ? Math.round(values.reduce((a, v) => a + v, 0) / values.length) : null;
}

/** A learner's score for a check-up run: the mean of the scenarios they finished in it (ADR 19). */
export function learnerRunScore(scores: number[]): number | null {
  return roundedMean(scores);
}

/**
 * The team's score for a check-up run: the mean of the learner scores shown beside it, so each
 * learner counts once however many scenarios they finished; learners with none are left out (ADR 19).
 */
export function teamRunScore(learnerScores: (number | null)[]): number | null {
  return roundedMean(learnerScores.filter((s): s is number => s !== null));
}

/**
 * Skill profiles per (learner, run), keyed `userId:runId`, from the decisions of completed
 * check-up attempts: a half-played check-up is not a result yet. Every decision in the run counts
 * (no window). The one definition of a check-up's skill profile (ADR 19).
 */
export async function checkupSkillProfiles(db: Db, runIds: string[], userId?: string): Promise<Map<string, SkillProfile>> {
  const out = new Map<string, SkillProfile>();
  if (runIds.length === 0) return out;
  const rows = await queryRows<{ userId: string; runId: string; skill: string; sum: number; count: number }>(
    db,
    sql`select asg.user_id as "userId", asg.run_id as "runId", s.key as skill, sum(s.value::int)::int as sum, count(*)::int as count
        from ${assignments} asg
        join ${attempts} a on a.assignment_id = asg.id and a.status = 'completed'
        join decisions d on d.attempt_id = a.id
        cross join lateral jsonb_each_text(d.scores) s
        where asg.run_id = any(${uuidArray(runIds)}) ${userId ? sql`and asg.user_id = ${userId}` : sql``}
        group by 1, 2, 3`,
  );
  for (const r of rows) {
    if (!isSkillId(r.skill)) continue;
    const key = `${r.userId}:${r.runId}`;
    const p = out.get(key) ?? emptyProfile();
    p[r.skill] = { score: skillScore(Number(r.sum), Number(r.count)), decisions: Number(r.count) };
    out.set(key, p);
  }
  return out;
}

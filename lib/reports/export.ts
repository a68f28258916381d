// CSV exports of a team's results: one row per learner per skill, or one row per attempt. Safe to open in a spreadsheet.
import { and, eq } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '@/db/client';
import { teamMembers, users } from '@/db/schema';
import { skillIds, skills } from '@/lib/curriculum';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { attemptsOf } from './learner';
import { skillProfiles } from '@/lib/skills/profiles';

export type ExportKind = 'skills' | 'attempts';

/**
 * A text cell a spreadsheet would run as a formula (it starts with =, +, -, @, or a tab or
 * carriage return that some programs skip) gets a leading apostrophe, so it shows as text.
 */
export function neutralise(cell: unknown): unknown {
  if (typeof cell !== 'string') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** CSV text with a header row, RFC 4180 quoting and a byte-order mark so spreadsheets read it as UTF-8. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return '\uFEFF' + stringify([header, ...rows.map((r) => r.map(neutralise))], { record_delimiter: '\r\n', cast: { date: (d) => d.toISOString() } });
}

async function members(db: Db, teamId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), eq(users.role, 'learner')))
    .orderBy(users.name);
}

export async function teamCsv(db: Db, teamId: string, kind: ExportKind): Promise<string> {
  const people = await members(db, teamId);
  const ids = people.map((p) => p.id);
  if (kind === 'skills') {
    const profiles = await skillProfiles(db, ids);
    const rows = people.flatMap((p) =>
      skillIds.map((k) => {
        const s = profiles.get(p.id)![k];
        return [p.name, p.email, k, skills[k].label, s.score ?? '', s.decisions];
      }),
    );
    return toCsv(['learner', 'email', 'skill', 'skill_name', 'score', 'decisions_counted'], rows);
  }
  const catalogue = scenarioCatalogue();
  const byId = new Map(people.map((p) => [p.id, p]));
  const list = await attemptsOf(db, ids);
  const rows = list.map((a) => {
    const p = byId.get(a.userId)!;
    return [p.name, p.email, a.scenarioId, catalogue.get(a.scenarioId)?.scenario.title ?? '', a.mode, a.status, a.outcome ?? '', a.score ?? '', a.decisions, a.startedAt, a.finishedAt ?? ''];
  });
  return toCsv(['learner', 'email', 'scenario', 'scenario_title', 'mode', 'status', 'outcome', 'score', 'decisions', 'started_at', 'finished_at'], rows);
}

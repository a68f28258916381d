// Imports people from a users CSV in one transaction and reports, row by row, what happened and why.
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, teams, users, type Role } from '@/db/schema';
import { audit } from '@/lib/audit';
import { addToTeam, placeFor, teamKey, teamsByName, type Place } from './teams';
import { checkUsersCsv, type CandidateRow, type ImportReportRow } from './users-csv';

export interface ImportOptions {
  /** Create teams the file names that do not exist yet; otherwise such rows are rejected (a typo should not make a team). */
  createTeams: boolean;
  /** Work out the report without keeping anything. */
  dryRun: boolean;
}

export interface ImportResult {
  rows: ImportReportRow[];
  counts: { created: number; skipped: number; rejected: number };
  teamsCreated: string[];
  dryRun: boolean;
}

const roleWord: Record<Role, string> = { learner: 'learner', manager: 'manager', author: 'author', admin: 'admin' };
const placeWord: Record<Place, string> = { member: 'a member of', manager: 'a manager of' };

interface ExistingUser {
  id: string;
  email: string;
  role: Role;
  active: boolean;
}

/** Thrown to roll a dry run back once its report is known. */
class DryRunDone extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/**
 * Imports the file's people. New accounts have no password: they sign in through single sign-on
 * until an admin sets one. Existing accounts are never changed, but are added to the row's team.
 * Everything, audit entries included, is written in one transaction: a failure keeps nothing.
 */
export async function importUsers(db: Db, actorId: string, csv: string, options: ImportOptions): Promise<ImportResult> {
  const checked = checkUsersCsv(csv);
  try {
    return await db.transaction(async (tx) => {
      const result = await apply(tx, actorId, checked.candidates, checked.rejected, options);
      if (options.dryRun) throw new DryRunDone(result);
      return result;
    });
  } catch (e) {
    if (e instanceof DryRunDone) return e.result;
    throw e;
  }
}

async function apply(
  tx: Db,
  actorId: string,
  candidates: CandidateRow[],
  rejectedEarly: ImportReportRow[],
  options: ImportOptions,
): Promise<ImportResult> {
  const report: ImportReportRow[] = [...rejectedEarly];
  const emails = candidates.map((c) => c.email);
  const found: ExistingUser[] = emails.length
    ? await tx.select({ id: users.id, email: users.email, role: users.role, active: users.active }).from(users).where(inArray(users.email, emails))
    : [];
  const existing = new Map(found.map((u) => [u.email, u]));

  const teamOf = await teamsByName(tx, candidates.flatMap((c) => (c.team ? [c.team] : [])));
  const teamsCreated: string[] = [];
  const missingTeams = new Map<string, string>();
  for (const c of candidates) {
    if (c.team && !teamOf.has(teamKey(c.team)) && !missingTeams.has(teamKey(c.team))) missingTeams.set(teamKey(c.team), c.team.replace(/\s+/g, ' '));
  }
  if (options.createTeams && missingTeams.size > 0) {
    const made = await tx.insert(teams).values([...missingTeams.values()].map((name) => ({ name }))).onConflictDoNothing().returning({ id: teams.id, name: teams.name });
    for (const t of made) {
      teamOf.set(teamKey(t.name), t);
      teamsCreated.push(t.name);
    }
    // Another admin may have created one of them a moment ago: use theirs.
    for (const [key, t] of await teamsByName(tx, [...missingTeams.values()])) teamOf.set(key, t);
  }

  // Rows are refused before anything is written for them, so a refused row changes nothing.
  const toCreate: CandidateRow[] = [];
  const toSkip: { c: CandidateRow; user?: ExistingUser }[] = [];
  for (const c of candidates) {
    if (c.team && !teamOf.has(teamKey(c.team))) {
      report.push({
        row: c.row,
        email: c.email,
        outcome: 'rejected',
        reason: `There is no team called "${c.team}". Create it first, fix the spelling, or choose to create missing teams.`,
      });
      continue;
    }
    const user = existing.get(c.email);
    if (user) toSkip.push({ c, user });
    else toCreate.push(c);
  }

  const created = toCreate.length
    ? await tx
        .insert(users)
        .values(toCreate.map((c) => ({ email: c.email, name: c.name, role: c.role, passwordHash: null })))
        // An account created by someone else since the lookup above is skipped, not doubled.
        .onConflictDoNothing()
        .returning({ id: users.id, email: users.email, role: users.role, active: users.active })
    : [];
  const createdByEmail = new Map(created.map((u) => [u.email, u]));
  for (const c of toCreate) {
    if (!createdByEmail.has(c.email)) toSkip.push({ c });
  }
  if (created.length > 0) {
    await tx.insert(auditLog).values(
      created.map((u) => ({ action: 'user.created', actorId, subject: u.email, detail: { role: u.role, signIn: 'sso', via: 'import' } })),
    );
  }
  for (const name of teamsCreated) await audit(tx, { action: 'team.created', actorId, subject: name, detail: { via: 'import' } });

  // Team places, one insert per team whatever the number of rows.
  const byTeam = new Map<string, { team: { id: string; name: string }; people: { id: string; email: string; place: Place }[] }>();
  const place = (teamName: string | null, person: ExistingUser) => {
    if (!teamName) return;
    const team = teamOf.get(teamKey(teamName))!;
    const entry = byTeam.get(team.id) ?? { team, people: [] };
    entry.people.push({ id: person.id, email: person.email, place: placeFor(person.role) });
    byTeam.set(team.id, entry);
  };
  for (const c of toCreate) {
    const u = createdByEmail.get(c.email);
    if (u) place(c.team, u);
  }
  for (const { c, user } of toSkip) if (user) place(c.team, user);
  const placed = new Map<string, Set<string>>();
  for (const { team, people } of byTeam.values()) placed.set(team.id, await addToTeam(tx, actorId, team, people, 'import'));

  for (const c of toCreate) {
    const u = createdByEmail.get(c.email);
    if (!u) continue;
    const team = c.team ? teamOf.get(teamKey(c.team))! : null;
    report.push({
      row: c.row,
      email: c.email,
      outcome: 'created',
      reason: `New ${roleWord[u.role]}, signs in with single sign-on${team ? `; ${placeWord[placeFor(u.role)]} ${team.name}` : ''}.`,
    });
  }
  for (const { c, user } of toSkip) {
    if (!user) {
      report.push({ row: c.row, email: c.email, outcome: 'skipped', reason: 'Someone else created this account during the import; nothing changed.' });
      continue;
    }
    const team = c.team ? teamOf.get(teamKey(c.team))! : null;
    const parts = ['Already has an account'];
    if (user.role !== c.role) parts.push(`is a ${roleWord[user.role]}, role not changed`);
    if (!user.active) parts.push('deactivated');
    let reason = `${parts.join('; ')}.`;
    if (team) {
      reason += placed.get(team.id)?.has(user.id)
        ? ` Added as ${placeWord[placeFor(user.role)]} ${team.name}.`
        : ` Already ${placeWord[placeFor(user.role)]} ${team.name}.`;
    }
    report.push({ row: c.row, email: c.email, outcome: 'skipped', reason });
  }

  report.sort((a, b) => a.row - b.row);
  const counts = { created: 0, skipped: 0, rejected: 0 };
  for (const r of report) counts[r.outcome] += 1;
  await audit(tx, { action: 'users.imported', actorId, subject: `${report.length} rows`, detail: { ...counts, teamsCreated } });
  return { rows: report, counts, teamsCreated, dryRun: options.dryRun };
}

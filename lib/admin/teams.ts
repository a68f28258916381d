// Admin work on teams: creating, renaming and removing them, and who belongs to and manages each.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, checkupPlans, teamManagers, teamMembers, teams, users, type Role } from '@/db/schema';
import { canManage } from '@/lib/roles';
import { audit } from '@/lib/audit';
import { isUuid } from '@/lib/ids';
import { normalizeEmail, UserChangeError } from '@/lib/auth/users';
import { MAX_TEAM_NAME_LENGTH } from './validation';

export class TeamChangeError extends UserChangeError {}

export interface TeamSummary {
  id: string;
  name: string;
  memberCount: number;
  managers: { id: string; name: string }[];
}

export interface TeamPerson {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
}

export interface TeamDetail {
  id: string;
  name: string;
  members: TeamPerson[];
  managers: TeamPerson[];
  checkupPlanCount: number;
  /** Active people in neither list, for the add forms' suggestions (the first SUGGESTION_LIMIT by name). */
  suggestions: { email: string; name: string; role: Role }[];
}

/** Suggestions beyond this many are left to typing the email: the list is a datalist, not a picker. */
export const SUGGESTION_LIMIT = 2000;

/** Which list a person joins when added to a team by role: managers and admins manage it, everyone else is a member. */
export type Place = 'member' | 'manager';
export function placeFor(role: Role): Place {
  return canManage(role) ? 'manager' : 'member';
}

function checkTeamName(name: string): string {
  // Collapsing inner whitespace keeps "Harbour  Street" and "Harbour Street" from becoming two teams.
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new TeamChangeError(400, 'A team needs a name.');
  if (trimmed.length > MAX_TEAM_NAME_LENGTH) throw new TeamChangeError(400, `A team name can have at most ${MAX_TEAM_NAME_LENGTH} characters.`);
  return trimmed;
}

/** Every team with its size and managers: three queries however many teams there are. */
export async function listTeams(db: Db): Promise<TeamSummary[]> {
  const [teamRows, counts, managerRows] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
    db.select({ teamId: teamMembers.teamId, n: count() }).from(teamMembers).groupBy(teamMembers.teamId),
    db
      .select({ teamId: teamManagers.teamId, id: users.id, name: users.name })
      .from(teamManagers)
      .innerJoin(users, eq(users.id, teamManagers.userId))
      .orderBy(asc(users.name)),
  ]);
  const countOf = new Map(counts.map((c) => [c.teamId, c.n]));
  return teamRows.map((t) => ({
    ...t,
    memberCount: countOf.get(t.id) ?? 0,
    managers: managerRows.filter((m) => m.teamId === t.id).map(({ id, name }) => ({ id, name })),
  }));
}

export async function teamDetail(db: Db, teamId: string): Promise<TeamDetail | undefined> {
  if (!isUuid(teamId)) return undefined;
  const [team] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, teamId));
  if (!team) return undefined;
  const person = { id: users.id, name: users.name, email: users.email, role: users.role, active: users.active };
  const [members, managers, [plans], suggestions] = await Promise.all([
    db.select(person).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId)).where(eq(teamMembers.teamId, teamId)).orderBy(asc(users.name)),
    db.select(person).from(teamManagers).innerJoin(users, eq(users.id, teamManagers.userId)).where(eq(teamManagers.teamId, teamId)).orderBy(asc(users.name)),
    db.select({ n: count() }).from(checkupPlans).where(eq(checkupPlans.teamId, teamId)),
    db
      .select({ email: users.email, name: users.name, role: users.role })
      .from(users)
      .where(
        and(
          eq(users.active, true),
          sql`not exists (select 1 from ${teamMembers} m where m.team_id = ${teamId} and m.user_id = ${users.id})`,
          sql`not exists (select 1 from ${teamManagers} g where g.team_id = ${teamId} and g.user_id = ${users.id})`,
        ),
      )
      .orderBy(asc(users.name))
      .limit(SUGGESTION_LIMIT),
  ]);
  return { ...team, members, managers, checkupPlanCount: plans?.n ?? 0, suggestions };
}

/** The team with this id, or a 404 a person can read. */
export async function requireTeam(db: Db, teamId: string): Promise<{ id: string; name: string }> {
  const [team] = isUuid(teamId) ? await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, teamId)) : [];
  if (!team) throw new TeamChangeError(404, 'No such team.');
  return team;
}

/** Finds a team by name ignoring case, so an import's "harbour street support" means the existing team. */
export async function teamsByName(db: Db, names: string[]): Promise<Map<string, { id: string; name: string }>> {
  if (names.length === 0) return new Map();
  const keys = [...new Set(names.map(teamKey))];
  const rows = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(inArray(sql`lower(${teams.name})`, keys));
  return new Map(rows.map((r) => [teamKey(r.name), r]));
}

export function teamKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

async function assertNameFree(db: Db, name: string, exceptId?: string): Promise<void> {
  const existing = (await teamsByName(db, [name])).get(teamKey(name));
  if (existing && existing.id !== exceptId) throw new TeamChangeError(400, `There is already a team called "${existing.name}".`);
}

export async function createTeam(db: Db, actorId: string, name: string): Promise<{ id: string; name: string }> {
  const clean = checkTeamName(name);
  return db.transaction(async (tx) => {
    await assertNameFree(tx, clean);
    const [team] = await tx.insert(teams).values({ name: clean }).onConflictDoNothing().returning({ id: teams.id, name: teams.name });
    if (!team) throw new TeamChangeError(400, `There is already a team called "${clean}".`);
    await audit(tx, { action: 'team.created', actorId, subject: team.name });
    return team;
  });
}

export async function renameTeam(db: Db, actorId: string, teamId: string, name: string): Promise<{ id: string; name: string }> {
  const clean = checkTeamName(name);
  return db.transaction(async (tx) => {
    const before = await requireTeam(tx, teamId);
    if (before.name === clean) return before;
    await assertNameFree(tx, clean, teamId);
    const [team] = await tx.update(teams).set({ name: clean }).where(eq(teams.id, teamId)).returning({ id: teams.id, name: teams.name });
    await audit(tx, { action: 'team.renamed', actorId, subject: clean, detail: { from: before.name, to: clean } });
    return team!;
  });
}

/**
 * Removes an empty team. A team with people or check-up plans is refused: deleting it would
 * silently take its check-up history and everyone's place in it along.
 */
export async function deleteTeam(db: Db, actorId: string, teamId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const team = await teamDetail(tx, teamId);
    if (!team) throw new TeamChangeError(404, 'No such team.');
    if (team.members.length > 0 || team.managers.length > 0) {
      throw new TeamChangeError(400, `"${team.name}" still has members or managers; remove them first.`);
    }
    if (team.checkupPlanCount > 0) {
      throw new TeamChangeError(400, `"${team.name}" has check-up plans, whose history would be lost; it cannot be deleted.`);
    }
    await tx.delete(teams).where(eq(teams.id, teamId));
    await audit(tx, { action: 'team.deleted', actorId, subject: team.name });
  });
}

/**
 * Puts people in a team's member or manager list, ignoring those already there, and audits
 * each addition in one insert. Returns the ids actually added.
 */
export async function addToTeam(
  db: Db,
  actorId: string,
  team: { id: string; name: string },
  people: { id: string; email: string; place: Place }[],
  via?: string,
): Promise<Set<string>> {
  const added = new Set<string>();
  for (const place of ['member', 'manager'] as const) {
    const ids = people.filter((p) => p.place === place).map((p) => ({ teamId: team.id, userId: p.id }));
    if (ids.length === 0) continue;
    const rows =
      place === 'member'
        ? await db.insert(teamMembers).values(ids).onConflictDoNothing().returning({ userId: teamMembers.userId })
        : await db.insert(teamManagers).values(ids).onConflictDoNothing().returning({ userId: teamManagers.userId });
    for (const r of rows) added.add(r.userId);
  }
  const audited = people.filter((p) => added.has(p.id));
  if (audited.length > 0) {
    await db.insert(auditLog).values(
      audited.map((p) => ({
        action: p.place === 'member' ? 'team.member_added' : 'team.manager_added',
        actorId,
        subject: p.email,
        detail: { team: team.name, ...(via ? { via } : {}) },
      })),
    );
  }
  return added;
}

async function personByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  if (!row) throw new TeamChangeError(404, `No account has the email ${normalizeEmail(email)}.`);
  return row;
}

export async function addMember(db: Db, actorId: string, teamId: string, email: string): Promise<void> {
  await db.transaction(async (tx) => {
    const team = await requireTeam(tx, teamId);
    const person = await personByEmail(tx, email);
    const added = await addToTeam(tx, actorId, team, [{ ...person, place: 'member' }]);
    if (added.size === 0) throw new TeamChangeError(400, `${person.name} is already a member of ${team.name}.`);
  });
}

/** Only managers and admins can manage: a learner listed as a manager would see nothing, silently. */
export async function addManager(db: Db, actorId: string, teamId: string, email: string): Promise<void> {
  await db.transaction(async (tx) => {
    const team = await requireTeam(tx, teamId);
    const person = await personByEmail(tx, email);
    if (!canManage(person.role)) {
      throw new TeamChangeError(400, `${person.name} is ${person.role === 'author' ? 'an author' : 'a learner'}. Change their role to manager first, then add them as a manager.`);
    }
    const added = await addToTeam(tx, actorId, team, [{ ...person, place: 'manager' }]);
    if (added.size === 0) throw new TeamChangeError(400, `${person.name} already manages ${team.name}.`);
  });
}

export async function removeFromTeam(db: Db, actorId: string, teamId: string, userId: string, place: Place): Promise<void> {
  await db.transaction(async (tx) => {
    const team = await requireTeam(tx, teamId);
    if (!isUuid(userId)) throw new TeamChangeError(404, 'No such user.');
    const table = place === 'member' ? teamMembers : teamManagers;
    const [removed] = await tx
      .delete(table)
      .where(and(eq(table.teamId, teamId), eq(table.userId, userId)))
      .returning({ userId: table.userId });
    if (!removed) throw new TeamChangeError(404, `That person is not ${place === 'member' ? 'a member' : 'a manager'} of ${team.name}.`);
    const [person] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    await audit(tx, {
      action: place === 'member' ? 'team.member_removed' : 'team.manager_removed',
      actorId,
      subject: person?.email ?? userId,
      detail: { team: team.name },
    });
  });
}

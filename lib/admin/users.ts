// Admin work on accounts: the searchable people list, one person's record, creating and editing accounts.
import { and, asc, count, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { teamManagers, teamMembers, teams, users, type Role, type User } from '@/db/schema';
import { audit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { endUserSessions } from '@/lib/auth/sessions';
import { disableTwoStep } from '@/lib/auth/two-step';
import { passwordProblem, type PasswordContext } from '@/lib/auth/password-policy';
import { isUuid } from '@/lib/ids';
import { createUser, normalizeEmail, updateAccount, UserChangeError } from '@/lib/auth/users';
import { isEmail, MAX_NAME_LENGTH } from './validation';
import { addToTeam, placeFor, requireTeam } from './teams';

export const PEOPLE_PAGE_SIZE = 50;

export interface PeopleFilter {
  q?: string;
  role?: Role;
  teamId?: string;
  status?: 'active' | 'inactive';
  page?: number;
}

export interface TeamRef {
  id: string;
  name: string;
}

export interface PersonRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  passwordSet: boolean;
  twoStepOn: boolean;
  teams: TeamRef[];
  manages: TeamRef[];
}

// The list and the single-person page read the same account fields, never the password hash itself.
const personColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  passwordSet: sql<boolean>`${users.passwordHash} is not null`,
  twoStepOn: sql<boolean>`${users.totpEnabledAt} is not null`,
};

export interface PeoplePage {
  people: PersonRow[];
  total: number;
  page: number;
  pages: number;
}

/** True when a drizzle error is PostgreSQL's unique violation on `constraint`. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const cause = (e as { cause?: { code?: string; constraint?: string } }).cause;
  return cause?.code === '23505' && (constraint === undefined || cause.constraint === constraint);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of people matching the filter, each with their teams: three queries whatever the page size. */
export async function listPeople(db: Db, filter: PeopleFilter = {}): Promise<PeoplePage> {
  const where: SQL[] = [];
  const q = filter.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    where.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (filter.role) where.push(eq(users.role, filter.role));
  if (filter.status) where.push(eq(users.active, filter.status === 'active'));
  if (filter.teamId) {
    if (!isUuid(filter.teamId)) return { people: [], total: 0, page: 1, pages: 1 };
    const teamId = filter.teamId;
    where.push(
      or(
        inArray(users.id, db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId))),
        inArray(users.id, db.select({ id: teamManagers.userId }).from(teamManagers).where(eq(teamManagers.teamId, teamId))),
      )!,
    );
  }
  const condition = where.length ? and(...where) : undefined;
  const [{ n: total } = { n: 0 }] = await db.select({ n: count() }).from(users).where(condition);
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pages);
  const rows = await db
    .select(personColumns)
    .from(users)
    .where(condition)
    // Admins, then managers, then learners; by name within each, as the rest of the trainer lists them.
    .orderBy(desc(users.role), asc(users.name), asc(users.email))
    .limit(PEOPLE_PAGE_SIZE)
    .offset((page - 1) * PEOPLE_PAGE_SIZE);
  const places = await placesOf(db, rows.map((r) => r.id));
  return {
    people: rows.map((r) => ({ ...r, teams: places.teams.get(r.id) ?? [], manages: places.manages.get(r.id) ?? [] })),
    total,
    page,
    pages,
  };
}

async function placesOf(db: Db, userIds: string[]) {
  const teamsOf = new Map<string, TeamRef[]>();
  const managesOf = new Map<string, TeamRef[]>();
  if (userIds.length === 0) return { teams: teamsOf, manages: managesOf };
  const [memberRows, managerRows] = await Promise.all([
    db
      .select({ userId: teamMembers.userId, id: teams.id, name: teams.name })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(inArray(teamMembers.userId, userIds))
      .orderBy(asc(teams.name)),
    db
      .select({ userId: teamManagers.userId, id: teams.id, name: teams.name })
      .from(teamManagers)
      .innerJoin(teams, eq(teams.id, teamManagers.teamId))
      .where(inArray(teamManagers.userId, userIds))
      .orderBy(asc(teams.name)),
  ]);
  for (const [rows, into] of [[memberRows, teamsOf], [managerRows, managesOf]] as const) {
    for (const { userId, id, name } of rows) into.set(userId, [...(into.get(userId) ?? []), { id, name }]);
  }
  return { teams: teamsOf, manages: managesOf };
}

/** One person's account and teams, or undefined when the id names nobody. */
export async function personDetail(db: Db, userId: string): Promise<PersonRow | undefined> {
  if (!isUuid(userId)) return undefined;
  const [row] = await db
    .select(personColumns)
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return undefined;
  const places = await placesOf(db, [row.id]);
  return { ...row, teams: places.teams.get(row.id) ?? [], manages: places.manages.get(row.id) ?? [] };
}

export interface NewPerson {
  email: string;
  name: string;
  role: Role;
  /** Null: the person signs in through single sign-on only, until an admin sets a password. */
  password: string | null;
  /** Learners join it as members; managers and admins become one of its managers. */
  teamId?: string | null;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new UserChangeError(400, 'A name is required.');
  if (trimmed.length > MAX_NAME_LENGTH) throw new UserChangeError(400, `A name can have at most ${MAX_NAME_LENGTH} characters.`);
  return trimmed;
}

function checkNewPassword(password: string, context: PasswordContext): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new UserChangeError(400, problem);
}

function checkEmail(email: string): string {
  const normalized = normalizeEmail(email);
  if (!isEmail(normalized)) throw new UserChangeError(400, `"${email.trim()}" is not an email address.`);
  return normalized;
}

/** Adds an account (and its team place) in one transaction, so a refused team leaves no account behind. */
export async function createPerson(db: Db, actorId: string, input: NewPerson): Promise<User> {
  const email = checkEmail(input.email);
  const name = checkName(input.name);
  if (input.password !== null) checkNewPassword(input.password, { email, name });
  return db.transaction(async (tx) => {
    const team = input.teamId ? await requireTeam(tx, input.teamId) : null;
    // A password someone else chose is only a way in: the person picks their own at first sign-in.
    const user = await createUser(tx, { email, name, role: input.role, password: input.password, mustChangePassword: input.password !== null });
    await audit(tx, {
      action: 'user.created',
      actorId,
      subject: user.email,
      detail: { role: user.role, signIn: input.password === null ? 'sso' : 'password' },
    });
    if (team) await addToTeam(tx, actorId, team, [{ id: user.id, email: user.email, place: placeFor(user.role) }]);
    return user;
  });
}

export interface PersonChange {
  name?: string;
  email?: string;
  role?: Role;
  active?: boolean;
  /** A new password; the person's other sessions end unless they set it themselves. */
  password?: string;
}

/**
 * Changes an account in one transaction. Role and activation go through updateAccount, which
 * ends the person's sessions; a new password does too, because it is how a lost or shared
 * password is taken back.
 */
export async function editPerson(db: Db, actorId: string, userId: string, change: PersonChange): Promise<User> {
  if (Object.values(change).every((v) => v === undefined)) throw new UserChangeError(400, 'Nothing to change.');
  if (!isUuid(userId)) throw new UserChangeError(404, 'No such user.');
  // Sign-in details of one's own are changed only where the current password is asked for (ASVS 7.5.1).
  if (actorId === userId && change.password !== undefined) {
    throw new UserChangeError(400, 'Change your own password on your account page, where your current one is asked for.');
  }
  if (actorId === userId && change.email !== undefined) throw new UserChangeError(400, 'Another admin has to change your email.');
  const name = change.name === undefined ? undefined : checkName(change.name);
  const email = change.email === undefined ? undefined : checkEmail(change.email);
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(users).where(eq(users.id, userId));
      if (!before) throw new UserChangeError(404, 'No such user.');
      if (change.password !== undefined) checkNewPassword(change.password, { email: email ?? before.email, name: name ?? before.name });
      let after = before;
      if (change.role !== undefined || change.active !== undefined) {
        after = await updateAccount(tx, actorId, userId, {
          ...(change.role !== undefined ? { role: change.role } : {}),
          ...(change.active !== undefined ? { active: change.active } : {}),
        });
      }
      const changed = {
        name: name !== undefined && name !== before.name,
        email: email !== undefined && email !== before.email,
        password: passwordHash !== undefined,
      };
      if (!changed.name && !changed.email && !changed.password) return after;
      if (changed.email) {
        const [taken] = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.email, email!), ne(users.id, userId)));
        if (taken) throw new UserChangeError(400, `There is already an account for ${email}.`);
      }
      const [row] = await tx
        .update(users)
        .set({
          ...(changed.name ? { name } : {}),
          ...(changed.email ? { email } : {}),
          ...(changed.password ? { passwordHash } : {}),
          ...(changed.password && actorId !== userId ? { sessionVersion: sql`${users.sessionVersion} + 1`, mustChangePassword: true } : {}),
        })
        .where(eq(users.id, userId))
        .returning();
      await audit(tx, {
        action: 'user.updated',
        actorId,
        subject: row!.email,
        detail: {
          changed: Object.entries(changed).filter(([, v]) => v).map(([k]) => k),
          ...(changed.email ? { previousEmail: before.email } : {}),
        },
      });
      return row!;
    });
  } catch (e) {
    // Two admins renaming two accounts to the same address at once: the index decides.
    if (isUniqueViolation(e, 'users_email_unique')) throw new UserChangeError(400, `There is already an account for ${email}.`);
    throw e;
  }
}

/**
 * Turns off someone's two-step sign-in when they have lost both their phone and their recovery
 * codes. Their sessions end too (the phone may be in someone else's hands); an admin among them
 * is asked to set it up again at their next sign-in.
 */
export async function resetTwoStep(db: Db, actorId: string, userId: string): Promise<void> {
  if (!isUuid(userId)) throw new UserChangeError(404, 'No such user.');
  if (actorId === userId) throw new UserChangeError(400, 'Turn off your own two-step sign-in on your account page.');
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ email: users.email, on: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
    if (!row) throw new UserChangeError(404, 'No such user.');
    if (!row.on) throw new UserChangeError(400, 'Two-step sign-in is already off for this person.');
    await disableTwoStep(tx, userId);
    const ended = await endUserSessions(tx, userId, 'ended by an admin');
    await audit(tx, { action: 'user.two_step_reset', actorId, subject: row.email, detail: { sessionsEnded: ended } });
  });
}

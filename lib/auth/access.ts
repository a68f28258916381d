// Who the session belongs to and what they may do: session revocation, role and team checks.
import { and, eq, sql } from 'drizzle-orm';
import { prepared, type Db } from '@/db/client';
import { sessions, teamManagers, teamMembers, teams, users, type Role } from '@/db/schema';
import { demoPeople } from '@/lib/demo-roster';
import { auditNotFound } from '@/lib/audit';
import { env } from '@/lib/env';
import { HttpError } from '@/lib/http-error';
import { isUuid } from '@/lib/ids';
import { sessionPolicy, sessionState, touchSession, TOUCH_EVERY_MS, type SessionPolicy } from './sessions';

/** What a signed session token carries about its user. */
export interface SessionClaims {
  uid: string;
  /** The user's session version when the token was issued. */
  sv: number;
  /** The server-side session this token belongs to ('' in tokens that name none, which are refused). */
  sid: string;
}

/** A step the person must take before anything else: their own password, or two-step sign-in for an admin. */
export type PendingStep = 'password' | 'two-step';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  pending?: PendingStep;
}

// The demo admin signs in with a published password on a server only this computer can reach
// (ADR 16); asking it for an authenticator app would stop the quick start and protect nothing.
const DEMO_ADMINS = new Set(demoPeople.filter((p) => p.role === 'admin').map((p) => p.email));

/** What the person must do first, if anything (ADR 18). */
export function pendingStep(
  row: { email: string; role: Role; mustChangePassword: boolean; passwordHash: string | null; totpEnabledAt: Date | null },
  adminTwoStep: 'required' | 'optional' = env().ADMIN_TWO_STEP,
): PendingStep | undefined {
  if (row.mustChangePassword && row.passwordHash) return 'password';
  // Two-step codes guard the password; an admin who signs in only through SSO relies on the company's provider.
  if (row.role === 'admin' && adminTwoStep === 'required' && row.passwordHash && !row.totpEnabledAt && !DEMO_ADMINS.has(row.email)) return 'two-step';
  return undefined;
}

export type RevokedReason = 'missing' | 'inactive' | 'version' | 'ended' | 'idle' | 'expired';
export type SessionCheck = { user: SessionUser; sid: string } | { revoked: RevokedReason };

/**
 * Checks a token against the user's current row and its session's row, so a deactivation, a role
 * change, a sign-out or an idle session takes effect at the very next request rather than when the
 * token expires. A live session's last-seen time moves on at most once a minute.
 */
export async function resolveSession(db: Db, claims: SessionClaims, policy: SessionPolicy = sessionPolicy(), now = new Date()): Promise<SessionCheck> {
  if (!isUuid(claims.uid)) return { revoked: 'missing' };
  // One read for both rows: this runs before every page and request.
  const found = await userAndSession(db, claims.uid, isUuid(claims.sid) ? claims.sid : NO_SESSION);
  if (!found) return { revoked: 'missing' };
  const { user: row, session } = found;
  if (!row.active) return { revoked: 'inactive' };
  if (row.sessionVersion !== claims.sv) return { revoked: 'version' };
  if (!session) return { revoked: 'ended' };
  const state = sessionState(session, policy, now);
  if (state !== 'live') return { revoked: state };
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, session.id, now);
  const pending = pendingStep(row);
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role, ...(pending ? { pending } : {}) }, sid: session.id };
}

// A well-formed id no session has, for tokens that name none.
const NO_SESSION = '00000000-0000-0000-0000-000000000000';

async function userAndSession(db: Db, uid: string, sid: string) {
  const [row] = await prepared(db, 'user_and_session', (d) =>
    d
      .select({ user: users, session: sessions })
      .from(users)
      .leftJoin(sessions, and(eq(sessions.id, sql.placeholder('sid')), eq(sessions.userId, users.id)))
      .where(eq(users.id, sql.placeholder('uid')))
      .prepare('user_and_session'),
  ).execute({ uid, sid });
  return row;
}

/** An access refusal a person can read; route handlers turn it into JSON, pages into a page. */
export class AccessError extends HttpError {
  constructor(status: 401 | 403 | 404, message: string) {
    super(status, message);
  }
}

export function assertRole(user: SessionUser, roles: readonly Role[]): SessionUser {
  if (!roles.includes(user.role)) {
    throw new AccessError(403, `This needs the ${roles.join(' or ')} role; you are signed in as a ${user.role}.`);
  }
  return user;
}

/** True when the user manages a team the learner belongs to; admins manage everyone. */
export async function managesLearner(db: Db, user: SessionUser, learnerId: string): Promise<boolean> {
  if (user.role === 'admin') return true;
  if (user.role !== 'manager') return false;
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teamManagers, and(eq(teamManagers.teamId, teamMembers.teamId), eq(teamManagers.userId, user.id)))
    .where(eq(teamMembers.userId, learnerId))
    .limit(1);
  return rows.length > 0;
}

export async function assertManagesLearner(db: Db, user: SessionUser, learnerId: string): Promise<void> {
  assertRole(user, ['manager', 'admin']);
  if (!(await managesLearner(db, user, learnerId))) {
    throw new AccessError(403, 'This learner is not in a team you manage.');
  }
}

/**
 * The one rule for acting on a team: managers on the teams they manage, admins on every team.
 * Another manager's team is a 404 like a team that does not exist, so team ids cannot be probed,
 * and the probe is audited. Returns the team. One query.
 */
export async function assertManagesTeam(db: Db, user: SessionUser, teamId: string): Promise<{ id: string; name: string }> {
  assertRole(user, ['manager', 'admin']);
  const [team] = isUuid(teamId)
    ? await db
        .select({ id: teams.id, name: teams.name, managed: teamManagers.userId })
        .from(teams)
        .leftJoin(teamManagers, and(eq(teamManagers.teamId, teams.id), eq(teamManagers.userId, user.id)))
        .where(eq(teams.id, teamId))
    : [];
  if (!team) throw new AccessError(404, 'There is no such team.');
  if (user.role !== 'admin' && !team.managed) {
    await auditNotFound(db, user.id, `team ${teamId}`, 'a team they do not manage');
    throw new AccessError(404, 'There is no such team among the teams you manage.');
  }
  return { id: team.id, name: team.name };
}

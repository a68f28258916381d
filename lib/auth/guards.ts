// The checks every page, route handler and server action runs on the server before doing anything.
import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import type { Db } from '@/db/client';
import { getDb } from '@/db/runtime';
import type { Role } from '@/db/schema';
import { audit } from '@/lib/audit';
import { syncStudio } from '@/lib/studio/catalogue';
import { AccessError, assertManagesLearner, assertRole, resolveSession, type SessionCheck, type SessionClaims, type SessionUser } from './access';
import { authOptions, clientIp } from './options';
import { readSessionClaims, sessionTokenFrom } from './session-token';

export type { SessionUser };
export { AccessError };

/**
 * What a guard hands a page, route handler or server action: the checked user and the database.
 * App code reaches the database only through a guard, so no handler can query before its access check.
 */
export interface Guarded {
  user: SessionUser;
  db: Db;
}

type Viewer =
  | { state: 'anonymous' }
  | { state: 'revoked'; reason: string; userId: string }
  | { state: 'signed-in'; user: SessionUser; sid: string };

/** The claims of this request's session cookie, not yet checked against the database. */
export const sessionClaims = cache(async (): Promise<SessionClaims | null> =>
  readSessionClaims(sessionTokenFrom(await cookies()), authOptions().secret!),
);

/** The session of this request, checked against the database once per request. */
export const viewer = cache(async (): Promise<Viewer> => {
  const claims = await sessionClaims();
  if (!claims) return { state: 'anonymous' };
  const check: SessionCheck = await resolveSession(await getDb(), claims);
  return 'user' in check
    ? { state: 'signed-in', user: check.user, sid: check.sid }
    : { state: 'revoked', reason: check.revoked, userId: claims.uid };
});

/** The server-side session of this request, for changes that end every other session. */
export async function currentSessionId(): Promise<string | undefined> {
  const v = await viewer();
  return v.state === 'signed-in' ? v.sid : undefined;
}

/** Where a person with a step still to take is sent, and what an API tells them. */
export const PENDING_PAGE = '/account';
const pendingMessages = {
  password: 'Choose your own password first, on your account page.',
  'two-step': 'Admins set up two-step sign-in first, on their account page.',
} as const;

/** The signed-in user, or null for anyone else (anonymous or with an ended session). */
export async function currentUser(): Promise<SessionUser | null> {
  const v = await viewer();
  return v.state === 'signed-in' ? v.user : null;
}

/** The client address the server script passed on with this request. */
export async function requestIp(): Promise<string> {
  return clientIp(Object.fromEntries(await headers()));
}

/**
 * The database, with this process's catalogue in step with what the studio has published
 * (checked at most once a second), so a page or route sees every scenario that plays.
 */
async function database(): Promise<Db> {
  const db = await getDb();
  await syncStudio(db);
  return db;
}

async function denied(user: SessionUser, path: string, why: string): Promise<void> {
  await audit(await getDb(), { action: 'access.denied', actorId: user.id, subject: path, ip: await requestIp(), detail: { why } });
}

/**
 * For pages: the signed-in user with one of `roles` (any role when omitted). Anonymous visitors
 * go to sign-in, ended sessions are cleared, and the wrong role gets the 403 page.
 */
export async function requirePageUser(path: string, roles?: readonly Role[]): Promise<Guarded> {
  const v = await viewer();
  if (v.state === 'anonymous') redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (v.state === 'revoked') {
    // The user row is the actor only while it exists; a deleted user leaves no reference.
    const actorId = v.reason === 'missing' ? null : v.userId;
    await audit(await getDb(), { action: 'session.revoked', actorId, subject: path, detail: { reason: v.reason } });
    redirect(`/session-ended?reason=${v.reason}`);
  }
  if (roles) {
    try {
      assertRole(v.user, roles);
    } catch (e) {
      await denied(v.user, path, (e as Error).message);
      forbidden();
    }
  }
  if (v.user.pending && path !== PENDING_PAGE) redirect(`${PENDING_PAGE}?required=${v.user.pending}`);
  return { user: v.user, db: await database() };
}

/**
 * For route handlers and server actions: the signed-in user with one of `roles`, or an AccessError.
 * Someone with a step still to take (their own password, an admin's two-step sign-in) gets a 403
 * everywhere except the routes that take that step (`allowPending`).
 */
export async function requireApiUser(path: string, roles?: readonly Role[], options: { allowPending?: boolean } = {}): Promise<Guarded> {
  const v = await viewer();
  if (v.state === 'anonymous') throw new AccessError(401, 'Sign in first.');
  if (v.state === 'revoked') throw new AccessError(401, 'Your session has ended. Sign in again.');
  if (v.user.pending && !options.allowPending) throw new AccessError(403, pendingMessages[v.user.pending]);
  if (roles) {
    try {
      assertRole(v.user, roles);
    } catch (e) {
      await denied(v.user, path, (e as Error).message);
      throw e;
    }
  }
  return { user: v.user, db: await database() };
}

/**
 * For the decision route's one-statement path: the session cookie's claims, not yet checked, and
 * the database. The write itself checks the session (sessionValidSql) in the same statement.
 */
export async function requireClaims(): Promise<{ claims: SessionClaims; db: Db }> {
  const claims = await sessionClaims();
  if (!claims) throw new AccessError(401, 'Sign in first.');
  return { claims, db: await getDb() };
}

/**
 * For pages about one learner: a manager of one of their teams, or an admin. Anyone else gets the
 * 403 page (and an audit entry); the caller shows 404 for a learner who does not exist.
 */
export async function requirePageLearnerAccess(path: string, learnerId: string): Promise<Guarded> {
  const guarded = await requirePageUser(path, ['manager', 'admin']);
  try {
    await assertManagesLearner(guarded.db, guarded.user, learnerId);
  } catch (e) {
    await denied(guarded.user, path, (e as Error).message);
    forbidden();
  }
  return guarded;
}

// A person's own account security: changing their password, and the password check before two-step changes.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { audit } from '@/lib/audit';
import { minutes } from '@/lib/format';
import { HttpError } from '@/lib/http-error';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-policy';
import { endUserSessions } from './sessions';
import { twoStepStatus, type TwoStepStatus } from './two-step';
import { pruneSignInFailures, releaseSignInAttempt, reserveSignInAttempt, type SignInLimit } from './rate-limit';

export class AccountError extends HttpError {
  constructor(status: 400 | 403 | 404 | 409 | 429, message: string) {
    super(status, message);
  }
}

interface Who {
  id: string;
  email: string;
  ip: string;
}

/**
 * Checks the person's current password before a security change. Wrong guesses count against the
 * same limits as sign-in, so a session left open on a shared desk cannot be used to guess it.
 */
export async function confirmOwnPassword(db: Db, who: Who, password: string, limit: SignInLimit): Promise<{ passwordHash: string; name: string }> {
  const [row] = await db.select({ passwordHash: users.passwordHash, name: users.name }).from(users).where(eq(users.id, who.id));
  if (!row) throw new AccountError(404, 'No such user.');
  if (!row.passwordHash) throw new AccountError(400, 'You sign in through your company’s single sign-on, so there is no password here to check.');
  const key = { email: who.email, ip: who.ip };
  const booked = await reserveSignInAttempt(db, key, limit);
  if (booked.blocked) {
    throw new AccountError(429, `Too many wrong passwords. Try again in about ${minutes(booked.retryAfterSeconds)}.`);
  }
  if (!(await verifyPassword(row.passwordHash, password))) {
    await pruneSignInFailures(db, key, limit);
    await audit(db, { action: 'signin.failed', actorId: who.id, subject: who.email, ip: who.ip, detail: { reauthentication: true } });
    throw new AccountError(403, 'Your current password is not right.');
  }
  await releaseSignInAttempt(db, booked.id);
  return { passwordHash: row.passwordHash, name: row.name };
}

/**
 * Sets the person's own new password: the current one first, then the policy, then every other
 * session ends (a thief's copy of the old cookie included) while this one carries on.
 */
export async function changeOwnPassword(
  db: Db,
  who: Who & { sessionId: string | undefined },
  input: { current: string; next: string },
  limit: SignInLimit,
): Promise<{ otherSessionsEnded: number }> {
  const row = await confirmOwnPassword(db, who, input.current, limit);
  const problem = passwordProblem(input.next, { email: who.email, name: row.name });
  if (problem) throw new AccountError(400, problem);
  if (await verifyPassword(row.passwordHash, input.next)) throw new AccountError(400, 'The new password must differ from the current one.');
  const passwordHash = await hashPassword(input.next);
  return db.transaction(async (tx) => {
    // Only if the hash is still the one checked: two changes at once cannot both win.
    const changed = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false })
      .where(and(eq(users.id, who.id), eq(users.passwordHash, row.passwordHash)))
      .returning({ id: users.id });
    if (changed.length === 0) throw new AccountError(409, 'Your password changed in another window. Sign in again with the new one.');
    const otherSessionsEnded = await endUserSessions(tx, who.id, 'password changed', who.sessionId);
    await audit(tx, { action: 'user.password_changed', actorId: who.id, subject: who.email, ip: who.ip, detail: { otherSessionsEnded } });
    return { otherSessionsEnded };
  });
}

/** What the account page shows: whether there is a password to change, and the state of two-step sign-in. */
export async function accountOverview(db: Db, userId: string): Promise<{ hasPassword: boolean; twoStep: TwoStepStatus }> {
  const [[row], twoStep] = await Promise.all([db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)), twoStepStatus(db, userId)]);
  return { hasPassword: Boolean(row?.passwordHash), twoStep };
}

// Email-and-password sign-in: rate limit first, then the password and, where it is on, the two-step code, with an audit row either way.
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { audit } from '@/lib/audit';
import { findUserByEmail, normalizeEmail } from '@/lib/auth/users';
import type { SessionUser } from './access';
import { verifyPassword } from './password';
import { clearSignInFailures, pruneSignInFailures, releaseSignInAttempt, reserveSignInAttempt, type SignInLimit } from './rate-limit';
import { verifySecondFactor } from './two-step';

export type SignInResult =
  | { ok: true; user: SessionUser & { sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'inactive' }
  /** The password was right; the person has two-step sign-in on and sent no code. */
  | { ok: false; reason: 'code-needed' }
  | { ok: false; reason: 'code-invalid' }
  | { ok: false; reason: 'limited'; retryAfterSeconds: number };

async function limitedRecently(db: Db, email: string, ip: string, limit: SignInLimit, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'signin.limited'), eq(auditLog.subject, email), eq(auditLog.ip, ip), gt(auditLog.at, since)))
    .limit(1);
  return rows.length > 0;
}

/** The sign-in limits, and the key that opens two-step secrets. */
export type SignInPolicy = SignInLimit & { twoStepKey: Buffer };

export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string; code?: string },
  limit: SignInPolicy,
  now = new Date(),
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const key = { email, ip: input.ip };
  // The attempt counts as a failure from before the password check until it proves right.
  const booked = await reserveSignInAttempt(db, key, limit, now);
  if (booked.blocked) {
    // One row per email, address and window: refused tries are counted, not each written down.
    if (!(await limitedRecently(db, email, input.ip, limit, now))) {
      await audit(db, { action: 'signin.limited', subject: email, ip: input.ip, detail: { by: booked.by }, at: now });
    }
    return { ok: false, reason: 'limited', retryAfterSeconds: booked.retryAfterSeconds };
  }
  const user = email ? await findUserByEmail(db, email) : undefined;
  const valid = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !valid) {
    await pruneSignInFailures(db, key, limit, now);
    await audit(db, { action: 'signin.failed', subject: email, ip: input.ip, actorId: user?.id });
    return { ok: false, reason: 'invalid' };
  }
  if (!user.active) {
    await releaseSignInAttempt(db, booked.id);
    await audit(db, { action: 'signin.failed', subject: email, ip: input.ip, actorId: user.id, detail: { inactive: true } });
    return { ok: false, reason: 'inactive' };
  }
  let secondFactor: string | undefined;
  if (user.totpEnabledAt) {
    const code = input.code?.trim() ?? '';
    if (!code) {
      // A right password is not a failure, but it is not a sign-in either: no session, no audit row.
      await releaseSignInAttempt(db, booked.id);
      return { ok: false, reason: 'code-needed' };
    }
    // A wrong code keeps the booked failure, so codes are guessed no faster than passwords.
    const factor = await verifySecondFactor(db, limit.twoStepKey, user, code, now);
    if (!factor) {
      await pruneSignInFailures(db, key, limit, now);
      await audit(db, { action: 'signin.failed', subject: email, ip: input.ip, actorId: user.id, detail: { secondFactor: true } });
      return { ok: false, reason: 'code-invalid' };
    }
    secondFactor = factor;
  }
  await releaseSignInAttempt(db, booked.id);
  await clearSignInFailures(db, email);
  await audit(db, { action: 'signin', actorId: user.id, subject: email, ip: input.ip, detail: { provider: 'credentials', ...(secondFactor ? { secondFactor } : {}) } });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}


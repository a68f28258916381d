// Email-and-password sign-in: rate limit first, then the password, with an audit row either way.
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { audit } from '@/lib/audit';
import { findUserByEmail, normalizeEmail } from '@/lib/users';
import type { SessionUser } from './access';
import { verifyPassword } from './password';
import { clearSignInFailures, pruneSignInFailures, releaseSignInAttempt, reserveSignInAttempt, type SignInLimit } from './rate-limit';

export type SignInResult =
  | { ok: true; user: SessionUser & { sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'inactive' }
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

export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string },
  limit: SignInLimit,
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
  await releaseSignInAttempt(db, booked.id);
  if (!user.active) {
    await audit(db, { action: 'signin.failed', subject: email, ip: input.ip, actorId: user.id, detail: { inactive: true } });
    return { ok: false, reason: 'inactive' };
  }
  await clearSignInFailures(db, email);
  await audit(db, { action: 'signin', actorId: user.id, subject: email, ip: input.ip, detail: { provider: 'credentials' } });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}


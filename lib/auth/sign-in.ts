// Email-and-password sign-in: rate limit first, then the password, with an audit row either way.
import type { Db } from '@/db/client';
import { audit } from '@/lib/audit';
import { findUserByEmail, normalizeEmail } from '@/lib/users';
import type { SessionUser } from './access';
import { verifyPassword } from './password';
import { clearSignInFailures, pruneSignInFailures, releaseSignInAttempt, reserveSignInAttempt, type SignInLimit } from './rate-limit';

export type SignInResult =
  | { ok: true; user: SessionUser & { sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'inactive' }
  | { ok: false; reason: 'limited'; retryAfterSeconds: number };

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
    await audit(db, { action: 'signin.limited', subject: email, ip: input.ip, detail: { by: booked.by } });
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


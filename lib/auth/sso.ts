// Matches a single-sign-on identity to a trainer account: by the provider's issuer and subject once linked, by a verified email the first time.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users, type User } from '@/db/schema';
import { audit } from '@/lib/audit';
import { findUserByEmail } from '@/lib/auth/users';
import { signInErrors } from './sign-in-errors';

export interface SsoIdentity {
  issuer: string;
  subject: string;
  email?: string | null;
  /** The provider's `email_verified` claim: true only when the provider checked the address. */
  emailVerified?: unknown;
}

type Refusal = { refused: (typeof signInErrors)[keyof typeof signInErrors]; reason: string };
export type SsoMatch = { user: User; linked: boolean } | Refusal;

/**
 * An email is only as good as the provider's word that it was checked: a provider that lets a user
 * type their own address would otherwise let anyone sign in as admin@company. So the first sign-in
 * needs `email_verified: true` (unless `trustUnverifiedEmail` is set for a provider that never sends
 * the claim), and links the account to the provider's issuer and subject; later sign-ins match on
 * those alone, so a changed or reused email at the provider cannot move the link to another person.
 */
export async function matchSsoAccount(db: Db, id: SsoIdentity, opts: { trustUnverifiedEmail: boolean }): Promise<SsoMatch> {
  const [linked] = await db.select().from(users).where(and(eq(users.ssoIssuer, id.issuer), eq(users.ssoSubject, id.subject)));
  const refuse = async (refused: Refusal): Promise<Refusal> => {
    await audit(db, { action: 'signin.sso_refused', subject: id.email ?? id.subject, detail: { issuer: id.issuer, subject: id.subject, reason: refused.reason } });
    return refused;
  };
  if (linked) {
    if (!linked.active) return refuse({ refused: signInErrors.inactive, reason: 'inactive' });
    return { user: linked, linked: false };
  }
  if (!id.email) return refuse({ refused: signInErrors.noAccount, reason: 'no email' });
  if (id.emailVerified !== true && !(opts.trustUnverifiedEmail && id.emailVerified === undefined)) {
    return refuse({ refused: signInErrors.unverifiedEmail, reason: 'email not verified' });
  }
  const byEmail = await findUserByEmail(db, id.email);
  if (!byEmail) return refuse({ refused: signInErrors.noAccount, reason: 'no account' });
  if (byEmail.ssoSubject !== null) return refuse({ refused: signInErrors.otherIdentity, reason: 'account linked to another identity' });
  if (!byEmail.active) return refuse({ refused: signInErrors.inactive, reason: 'inactive' });
  // Only an unlinked row is linked, so two first sign-ins racing for one account cannot both win.
  const [row] = await db
    .update(users)
    .set({ ssoIssuer: id.issuer, ssoSubject: id.subject })
    .where(and(eq(users.id, byEmail.id), isNull(users.ssoSubject)))
    .returning();
  if (!row) return refuse({ refused: signInErrors.otherIdentity, reason: 'account linked to another identity' });
  await audit(db, { action: 'user.sso_linked', actorId: row.id, subject: row.email, detail: { issuer: id.issuer, subject: id.subject } });
  return { user: row, linked: true };
}

/** The account linked to an SSO identity, once `matchSsoAccount` has linked it. */
export async function findUserBySso(db: Db, issuer: string, subject: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(and(eq(users.ssoIssuer, issuer), eq(users.ssoSubject, subject)));
  return row;
}

// Signs a person in from a verified launch (an LTI launch, a SCORM package's launch token): a session row and next-auth's own cookie, without the sign-in form.
import { encode } from 'next-auth/jwt';
import type { Db, Writer } from '@/db/client';
import { users, type Role, type User } from '@/db/schema';
import { sessionCookieName } from './cookie';
import { SESSION_MAX_AGE_SECONDS } from './options';
import { createSession } from './sessions';

export interface LaunchCookie {
  name: string;
  value: string;
  maxAge: number;
}

/**
 * The cookie a sign-in through the form would have set, with the same claims (see the `jwt`
 * callback in options.ts), so every page and the session checks treat the two alike.
 */
export async function launchSessionCookie(db: Db, user: User, secret: string, secure: boolean): Promise<LaunchCookie> {
  const sid = await createSession(db, user.id);
  const value = await encode({
    secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
    token: { sub: user.id, uid: user.id, name: user.name, email: user.email, role: user.role, sv: user.sessionVersion, sid },
  });
  return { name: sessionCookieName(secure), value, maxAge: SESSION_MAX_AGE_SECONDS };
}

/**
 * A cookie that also works inside another site's frame: `SameSite=None` so it is sent there,
 * `Partitioned` so it is kept for that embedding site alone (and browsers that block other third-party
 * cookies still keep it), `Secure` because both require it. Browsers treat http://localhost as secure.
 */
export function embeddableCookie(name: string, value: string, maxAge: number): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; Secure; SameSite=None; Partitioned`;
}

export interface LaunchedIdentity {
  /** The account this identity was linked to at an earlier launch. */
  find(db: Writer): Promise<User | undefined>;
  /** Links a new account to this identity (in the transaction that creates it). */
  link(tx: Writer, user: User): Promise<void>;
  /** The address the launching system gave, used when no account has it yet. */
  email?: string;
  /** The address otherwise: under a reserved `.invalid` domain, so no mail ever goes to it. */
  standIn: string;
  name: string;
  role: Role;
}

/**
 * The trainer account behind an identity from another system (an LMS user over LTI or SCORM):
 * found by that identity alone, or made and linked on its first launch. Never matched by email:
 * the other system's admin could put any address on a user, such as the trainer admin's (ADR 21).
 */
export async function launchedAccount(db: Db, id: LaunchedIdentity): Promise<{ user: User; created: boolean }> {
  const linked = await id.find(db);
  if (linked) return { user: linked, created: false };
  const email = id.email?.trim().toLowerCase();
  const usable = email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined;
  return db.transaction(async (tx) => {
    const insert = (address: string) =>
      tx.insert(users).values({ email: address, name: id.name, role: id.role, passwordHash: null }).onConflictDoNothing().returning();
    // An address already in use (or none given) falls back to the stand-in.
    let [made] = usable ? await insert(usable) : [];
    made ??= (await insert(id.standIn))[0];
    if (!made) {
      // The stand-in belongs to this same identity, made by a launch racing this one: use that account.
      const theirs = await id.find(tx);
      if (!theirs) throw new Error('The account for this launch could not be created.');
      return { user: theirs, created: false };
    }
    await id.link(tx, made);
    return { user: made, created: true };
  });
}

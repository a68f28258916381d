// Reads the claims of next-auth's session cookie directly: one decryption with a key derived once.
import { hkdfSync } from 'node:crypto';
import { jwtDecrypt } from 'jose';
import type { SessionClaims } from './access';
import { sessionCookieName } from './cookie';

/**
 * next-auth's `getServerSession` runs its whole request handler on every call: it derives the key,
 * decrypts the token, runs the callbacks, then derives again and re-encrypts a fresh cookie that a
 * server component or App Router handler cannot send anyway. Pages and API routes only need the
 * claims, so this reads them the way next-auth's own `decode` does (HKDF-SHA256 key, A256GCM JWE,
 * 15 s clock tolerance) with the key kept between requests. A test checks it against next-auth.
 */

const NAMES = [sessionCookieName(true), sessionCookieName(false)] as const;

const keys = new Map<string, Uint8Array>();

/** The same key next-auth's `getDerivedEncryptionKey` derives (salt "" for the session cookie). */
export function encryptionKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', secret, '', 'NextAuth.js Generated Encryption Key', 32));
    keys.set(secret, key);
  }
  return key;
}

interface CookieReader {
  get(name: string): { value: string } | undefined;
  getAll(): { name: string; value: string }[];
}

/** The token from the cookie, joining the `.0`, `.1`… chunks next-auth writes for tokens over 4 KB. */
export function sessionTokenFrom(cookies: CookieReader): string | undefined {
  for (const name of NAMES) {
    const whole = cookies.get(name)?.value;
    if (whole) return whole;
    const chunks = cookies
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length > 0) return chunks.map((c) => c.value).join('');
  }
  return undefined;
}

/** The session's user id, session version and server-side session id, or null for no cookie, a forged or expired token. */
export async function readSessionClaims(token: string | undefined, secret: string): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: 15 });
    if (typeof payload.uid !== 'string' || payload.uid === '') return null;
    return { uid: payload.uid, sv: typeof payload.sv === 'number' ? payload.sv : -1, sid: typeof payload.sid === 'string' ? payload.sid : '' };
  } catch {
    return null;
  }
}

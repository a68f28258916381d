// Reads the session cookie's claims, remembering recent tokens: decoding derives a key each time, which costs more than the rest of a request.
import { decode } from 'next-auth/jwt';
import type { SessionClaims } from './access';

const COOKIE = /^(__Secure-)?next-auth\.session-token(\.(\d+))?$/;
const MAX_ENTRIES = 5000;
const cache = new Map<string, (SessionClaims & { exp: number }) | null>();

/** The session token from the request's cookies, joining chunks if next-auth split a large one. */
export function sessionToken(cookies: { name: string; value: string }[]): string | undefined {
  const parts = cookies
    .map((c) => ({ m: COOKIE.exec(c.name), value: c.value }))
    .filter((c) => c.m)
    .sort((a, b) => Number(a.m![3] ?? -1) - Number(b.m![3] ?? -1));
  return parts.length ? parts.map((p) => p.value).join('') : undefined;
}

/** The user id and session version in a token, or null when it is invalid or expired. */
export async function sessionClaims(token: string, secret: string, now = Date.now()): Promise<SessionClaims | null> {
  const key = `${secret}\u0000${token}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    const jwt = await decode({ token, secret }).catch(() => null);
    entry =
      jwt && typeof jwt.uid === 'string' && typeof jwt.sv === 'number' && typeof jwt.exp === 'number'
        ? { uid: jwt.uid, sv: jwt.sv, exp: jwt.exp }
        : null;
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, entry);
  }
  if (!entry || entry.exp * 1000 <= now) return null;
  return { uid: entry.uid, sv: entry.sv };
}

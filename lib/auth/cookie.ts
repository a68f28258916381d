// The session cookie's name, in one place: next-auth writes it, the proxy, the session reader and the sign-out clean-up look for it.

/** next-auth's name for the session cookie over plain http. */
export const SESSION_COOKIE = 'next-auth.session-token';

/** Behind https the cookie carries the `__Secure-` prefix, which browsers only accept with the Secure flag. */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? '__Secure-' : ''}${SESSION_COOKIE}`;
}

/** Every name the session may be stored under: either prefix, whole or split into `.0`, `.1`… chunks for tokens over 4 KB. */
export function isSessionCookie(name: string): boolean {
  return /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(name);
}

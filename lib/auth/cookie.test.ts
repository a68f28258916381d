import { describe, expect, it } from 'vitest';
import { isSessionCookie, sessionCookieName } from './cookie';

describe('the session cookie name', () => {
  it('is prefixed __Secure- only behind https', () => {
    expect(sessionCookieName(false)).toBe('next-auth.session-token');
    expect(sessionCookieName(true)).toBe('__Secure-next-auth.session-token');
  });

  it('is recognised whole, prefixed or in chunks, and nothing like it is', () => {
    for (const name of ['next-auth.session-token', '__Secure-next-auth.session-token', 'next-auth.session-token.0', '__Secure-next-auth.session-token.12']) {
      expect(isSessionCookie(name)).toBe(true);
    }
    for (const name of ['next-auth.csrf-token', 'next-auth.session-tokens', 'x-next-auth.session-token', 'next-auth.session-token.a', '__Host-next-auth.session-token']) {
      expect(isSessionCookie(name)).toBe(false);
    }
  });
});

import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { sessionClaims, sessionToken } from './token';

const secret = 's'.repeat(40);

describe('session token', () => {
  it('reads the user id and session version from a valid token, and nothing from a forged or expired one', async () => {
    const token = await encode({ token: { uid: 'u-1', sv: 3 }, secret, maxAge: 60 });
    expect(await sessionClaims(token, secret)).toEqual({ uid: 'u-1', sv: 3 });
    // Answered from memory the second time, with the same result.
    expect(await sessionClaims(token, secret)).toEqual({ uid: 'u-1', sv: 3 });
    expect(await sessionClaims(token, 'another-secret-of-enough-length-here')).toBeNull();
    expect(await sessionClaims('not.a.token', secret)).toBeNull();
    expect(await sessionClaims(token, secret, Date.now() + 61_000)).toBeNull();
    const noVersion = await encode({ token: { uid: 'u-2' }, secret, maxAge: 60 });
    expect(await sessionClaims(noVersion, secret)).toBeNull();
  });

  it('finds the session cookie, secure or not, joining chunks in order', () => {
    expect(sessionToken([{ name: 'other', value: 'x' }])).toBeUndefined();
    expect(sessionToken([{ name: 'next-auth.session-token', value: 'abc' }])).toBe('abc');
    expect(sessionToken([{ name: '__Secure-next-auth.session-token', value: 'abc' }])).toBe('abc');
    expect(
      sessionToken([
        { name: 'next-auth.session-token.1', value: 'def' },
        { name: 'next-auth.session-token.0', value: 'abc' },
      ]),
    ).toBe('abcdef');
  });
});

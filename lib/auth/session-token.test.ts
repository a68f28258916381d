import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { readSessionClaims, sessionTokenFrom } from './session-token';

const secret = 'a-test-secret-of-reasonable-length-0123456789';

function jar(entries: Record<string, string>) {
  const all = Object.entries(entries).map(([name, value]) => ({ name, value }));
  return { get: (name: string) => all.find((c) => c.name === name), getAll: () => all };
}

describe('reading the session cookie without next-auth’s handler', () => {
  it('reads the claims of a token next-auth itself encoded', async () => {
    const token = await encode({ token: { uid: 'u-1', sv: 3, email: 'a@example.com' }, secret });
    expect(await readSessionClaims(token, secret)).toEqual({ uid: 'u-1', sv: 3, sid: '' });
    const withSession = await encode({ token: { uid: 'u-1', sv: 3, sid: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' }, secret });
    expect(await readSessionClaims(withSession, secret)).toEqual({ uid: 'u-1', sv: 3, sid: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' });
  });

  it('refuses a token encrypted with another secret, an expired one, and garbage', async () => {
    const other = await encode({ token: { uid: 'u-1', sv: 0 }, secret: `${secret}-rotated` });
    expect(await readSessionClaims(other, secret)).toBeNull();
    const expired = await encode({ token: { uid: 'u-1', sv: 0 }, secret, maxAge: -60 });
    expect(await readSessionClaims(expired, secret)).toBeNull();
    expect(await readSessionClaims('not.a.token.at.all', secret)).toBeNull();
    expect(await readSessionClaims(undefined, secret)).toBeNull();
  });

  it('treats a token without a user id as no session, and a missing version as one that never matches', async () => {
    expect(await readSessionClaims(await encode({ token: { email: 'x@example.com' }, secret }), secret)).toBeNull();
    expect(await readSessionClaims(await encode({ token: { uid: 'u-2' }, secret }), secret)).toEqual({ uid: 'u-2', sv: -1, sid: '' });
  });

  it('prefers the __Secure- cookie and joins chunked cookies in order', () => {
    expect(sessionTokenFrom(jar({ 'next-auth.session-token': 'plain', '__Secure-next-auth.session-token': 'secure' }))).toBe('secure');
    expect(sessionTokenFrom(jar({ 'next-auth.session-token.1': 'BB', 'next-auth.session-token.0': 'AA', 'next-auth.session-token.x': 'no' }))).toBe('AABB');
    expect(sessionTokenFrom(jar({ other: 'x' }))).toBeUndefined();
  });
});

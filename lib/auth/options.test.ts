// Session cookie flags as next-auth will set them, for an https, an http and an unset public URL.
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { buildOptions } from './options';

const secret = 'a'.repeat(32);
const options = (NEXTAUTH_URL?: string) => buildOptions(parseEnv({ NEXTAUTH_SECRET: secret, NEXTAUTH_URL }));

describe('session cookie', () => {
  it('is Secure, HttpOnly, SameSite=Lax and __Secure- prefixed behind an https public URL', () => {
    const o = options('https://trainer.example.com');
    expect(o.useSecureCookies).toBe(true);
    expect(o.cookies?.sessionToken).toEqual({
      name: '__Secure-next-auth.session-token',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: true },
    });
  });
  it('is HttpOnly and SameSite=Lax but not Secure on a plain http URL, where a Secure cookie would never come back', () => {
    const o = options('http://localhost:3000');
    expect(o.useSecureCookies).toBe(false);
    expect(o.cookies?.sessionToken).toEqual({
      name: 'next-auth.session-token',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false },
    });
  });
  it('is left to the request protocol without a public URL', () => {
    const o = options(undefined);
    expect(o.useSecureCookies).toBeUndefined();
    expect(o.cookies).toBeUndefined();
  });
});

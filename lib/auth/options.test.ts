// Session cookie flags as next-auth will set them, for an https, an http and an unset public URL.
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { buildOptions } from './options';

const secret = 'a'.repeat(32);
const options = (NEXTAUTH_URL?: string) => buildOptions(parseEnv({ NEXTAUTH_SECRET: secret, NEXTAUTH_URL }));

describe('session cookie', () => {
  const urls = [
    { title: 'is Secure, HttpOnly, SameSite=Lax and __Secure- prefixed behind an https public URL', url: 'https://trainer.example.com', secure: true, name: '__Secure-next-auth.session-token' },
    { title: 'is HttpOnly and SameSite=Lax but not Secure on a plain http URL, where a Secure cookie would never come back', url: 'http://localhost:3000', secure: false, name: 'next-auth.session-token' },
  ];
  for (const { title, url, secure, name } of urls) {
    it(title, () => {
      const o = options(url);
      expect(o.useSecureCookies).toBe(secure);
      expect(o.cookies?.sessionToken).toEqual({ name, options: { httpOnly: true, sameSite: 'lax', path: '/', secure } });
    });
  }
  it('is left to the request protocol without a public URL', () => {
    const o = options(undefined);
    expect(o.useSecureCookies).toBeUndefined();
    expect(o.cookies).toBeUndefined();
  });
});

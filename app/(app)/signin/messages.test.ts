import { describe, expect, it } from 'vitest';
import { safeCallbackUrl, signInErrorMessage } from './messages';

describe('sign-in messages', () => {
  it('say the same thing for every wrong email or password', () => {
    expect(signInErrorMessage('CredentialsSignin')).toBe('That email or password is incorrect. Check them and try again.');
  });
  it('tell a rate-limited person how long to wait, in minutes', () => {
    expect(signInErrorMessage('RateLimited:300')).toMatch(/paused for about 5 minutes/);
    expect(signInErrorMessage('RateLimited:30')).toMatch(/about 1 minute\./);
  });
  it('fall back to a general message for an unknown code, including one named like an object property', () => {
    expect(signInErrorMessage('constructor')).toBe('Sign-in did not work this time. Try again in a moment.');
    expect(signInErrorMessage('SessionRequired')).toBe('Sign in to continue.');
  });
  it('say nothing without an error', () => {
    expect(signInErrorMessage(undefined)).toBeUndefined();
  });
});

describe('safeCallbackUrl', () => {
  it('keeps same-site paths and drops everything else', () => {
    for (const path of ['/team?x=1', '/learn/timing#check-2']) expect(safeCallbackUrl(path)).toBe(path);
    for (const other of ['https://evil.example', '//evil.example', '/\\evil.example', undefined]) expect(safeCallbackUrl(other)).toBe('/');
  });

  it('judges the URL a browser would follow: tabs, newlines and backslashes cannot smuggle in another site', () => {
    for (const raw of ['/%09/evil.example', '/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '\\\\evil.example', '/\\/evil.example', ' //evil.example', '/\u0000/evil.example']) {
      const decoded = raw.startsWith('/%') ? decodeURIComponent(raw) : raw;
      expect([raw, safeCallbackUrl(decoded)]).toEqual([raw, '/']);
    }
  });
});

// Which sites may frame the trainer: none, except the learning platform a person was launched from, named in a signed cookie the launch sets.
import crypto from 'node:crypto';

export const FRAME_COOKIE = 'lti-frame';

function mac(secret: string, origins: string): string {
  return crypto.createHmac('sha256', secret).update(`lti-frame v1\n${origins}`).digest('base64url');
}

/**
 * The cookie's value: the platform's origins and a MAC, so only a verified launch can widen
 * `frame-ancestors`. The cookie is partitioned, so it is only ever sent inside that platform's pages.
 */
export function frameCookieValue(origins: string[], secret: string): string {
  const list = origins.join(' ');
  return `${Buffer.from(list).toString('base64url')}.${mac(secret, list)}`;
}

/** The origins a cookie value allows, or none for a missing, changed or malformed one. */
export function framingOrigins(value: string | undefined, secret: string): string[] {
  if (!value) return [];
  const [encoded, tag] = value.split('.');
  if (!encoded || !tag) return [];
  const list = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = Buffer.from(mac(secret, list));
  const given = Buffer.from(tag);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return [];
  // Only plain origins reach the policy: a value that could add a directive is dropped whole.
  const origins = list.split(' ');
  return origins.every((o) => /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o) || /^https?:\/\/\[[0-9a-f:]+\](:\d+)?$/i.test(o)) ? origins : [];
}

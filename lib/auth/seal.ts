// Encryption at rest for secrets kept in the database (authenticator secrets, the LTI tool's private key), with keys derived from the session secret.
import crypto from 'node:crypto';

/** A 256-bit key for one purpose, derived from the session secret so there is no second secret to lose. */
export function derivedKey(sessionSecret: string, purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', sessionSecret, 'empathy-trainer', purpose, 32));
}

/** AES-256-GCM with a fresh IV: `v1.iv.body.tag`, each part base64url. */
export function seal(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The plain text of `seal`'s output; throws if it was sealed with another key or changed since. */
export function unseal(key: Buffer, sealed: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag) throw new Error('Unreadable sealed secret');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

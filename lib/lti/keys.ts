// The tool's own RSA key pair: signs deep-linking answers and grade-service token requests; its public half is what platforms fetch from /api/lti/jwks.
import crypto from 'node:crypto';
import { asc } from 'drizzle-orm';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import type { Db } from '@/db/client';
import { ltiKeys } from '@/db/schema';
import { derivedKey, seal, unseal } from '@/lib/auth/seal';

export const ALG = 'RS256';

export interface ToolKey {
  kid: string;
  privateKey: KeyLike | Uint8Array;
  publicJwk: JWK;
}

const sealKey = (sessionSecret: string) => derivedKey(sessionSecret, 'lti tool key v1');

/**
 * The oldest key, made on first use. Two instances making one at once both insert and both then
 * read the oldest, so every instance signs with the same key.
 */
export async function toolKey(db: Db, sessionSecret: string): Promise<ToolKey> {
  let [row] = await db.select().from(ltiKeys).orderBy(asc(ltiKeys.createdAt), asc(ltiKeys.kid)).limit(1);
  if (!row) {
    const { publicKey, privateKey } = await generateKeyPair(ALG, { modulusLength: 2048, extractable: true });
    const kid = crypto.randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
    await db
      .insert(ltiKeys)
      .values({ kid, publicJwk, privateJwk: seal(sealKey(sessionSecret), JSON.stringify(await exportJWK(privateKey))) })
      .onConflictDoNothing();
    [row] = await db.select().from(ltiKeys).orderBy(asc(ltiKeys.createdAt), asc(ltiKeys.kid)).limit(1);
  }
  const privateJwk = JSON.parse(unseal(sealKey(sessionSecret), row!.privateJwk)) as JWK;
  return { kid: row!.kid, privateKey: await importJWK(privateJwk, ALG), publicJwk: row!.publicJwk as JWK };
}

/** The public key set platforms verify the tool's messages with. */
export async function publicJwks(db: Db, sessionSecret: string): Promise<{ keys: JWK[] }> {
  await toolKey(db, sessionSecret);
  const rows = await db.select({ publicJwk: ltiKeys.publicJwk }).from(ltiKeys).orderBy(asc(ltiKeys.createdAt));
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}

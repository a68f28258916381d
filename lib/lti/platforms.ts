// The learning platforms (LMSs) an admin has registered for LTI 1.3, and the URLs the tool gives them to paste in.
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { auditLog, ltiPlatforms } from '@/db/schema';
import { audit } from '@/lib/audit';
import { appBaseUrl } from '@/lib/env';
import { HttpError } from '@/lib/http-error';
import { isUuid } from '@/lib/ids';

export type Platform = typeof ltiPlatforms.$inferSelect;

export class PlatformError extends HttpError {}

// Platforms must be reached over https; plain http only for a platform on this machine (a test or a local LMS).
const platformUrl = (what: string) =>
  z
    .string()
    .trim()
    .max(2000)
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === 'https:' || (u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname));
      } catch {
        return false;
      }
    }, `${what} must be an https:// address (http:// only for localhost)`);

export const PlatformInput = z.strictObject({
  name: z.string().trim().min(1, 'A name is required').max(100),
  issuer: platformUrl('The issuer'),
  clientId: z.string().trim().min(1, 'The client id is required').max(300),
  deploymentIds: z
    .array(z.string().trim().min(1).max(300))
    .min(1, 'At least one deployment id is required')
    .max(50),
  authLoginUrl: platformUrl('The authentication request URL'),
  authTokenUrl: platformUrl('The access token URL'),
  jwksUrl: platformUrl('The key set URL'),
  /** Where the platform's pages are served from; the issuer's origin when left out. */
  frameOrigins: z.array(platformUrl('An LMS web address')).max(10).optional(),
});
export type PlatformInput = z.infer<typeof PlatformInput>;

/** What an LMS admin pastes into their platform's tool registration. */
export function toolUrls(base = appBaseUrl()) {
  return {
    loginUrl: `${base}/api/lti/login`,
    launchUrl: `${base}/api/lti/launch`,
    deepLinkUrl: `${base}/api/lti/launch`,
    jwksUrl: `${base}/api/lti/jwks`,
    domain: new URL(base).host,
  };
}


export async function listPlatforms(db: Db): Promise<Platform[]> {
  return db.select().from(ltiPlatforms).orderBy(asc(ltiPlatforms.name));
}

export async function registerPlatform(db: Db, actorId: string, input: PlatformInput): Promise<Platform> {
  const deploymentIds = [...new Set(input.deploymentIds)];
  // Only the origin of each address can be named in `frame-ancestors`.
  const frameOrigins = [...new Set((input.frameOrigins?.length ? input.frameOrigins : [input.issuer]).map((u) => new URL(u).origin))];
  const [row] = await db
    .insert(ltiPlatforms)
    .values({ ...input, deploymentIds, frameOrigins })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new PlatformError(409, `A platform with issuer ${input.issuer} and client id ${input.clientId} is already registered.`);
  await audit(db, { action: 'lti.platform_registered', actorId, subject: row.issuer, detail: { platformId: row.id, name: row.name, clientId: row.clientId } });
  return row;
}

/** Removes a platform: its launches stop working at once; the accounts it created stay. */
export async function removePlatform(db: Db, actorId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw new PlatformError(404, 'No such platform.');
  const [row] = await db.delete(ltiPlatforms).where(eq(ltiPlatforms.id, id)).returning();
  if (!row) throw new PlatformError(404, 'No such platform.');
  await audit(db, { action: 'lti.platform_removed', actorId, subject: row.issuer, detail: { platformId: row.id, name: row.name } });
}

export interface RefusedLaunch {
  at: Date;
  code: string;
  stage: string;
  reason: string;
}

/** The latest refused logins and launches from the audit trail, so an admin setting up a platform sees what it got wrong. */
export async function recentRefusals(db: Db, limit = 10): Promise<RefusedLaunch[]> {
  const rows = await db
    .select({ at: auditLog.at, code: auditLog.subject, detail: auditLog.detail })
    .from(auditLog)
    .where(eq(auditLog.action, 'lti.refused'))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ at: r.at, code: r.code ?? '', stage: String(r.detail?.stage ?? ''), reason: String(r.detail?.reason ?? '') }));
}

// SCORM 1.2 packages: an admin exports one per module or scenario for an LMS without LTI; the package's launch page opens the hosted trainer with a signed token.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { scormPackages } from '@/db/schema';
import { audit } from '@/lib/audit';
import { derivedKey } from '@/lib/auth/seal';
import { HttpError } from '@/lib/http-error';
import { isUuid } from '@/lib/ids';
import { linkableTargets, type Target } from '@/lib/lti/targets';

export type ScormPackage = typeof scormPackages.$inferSelect;

export class PackageError extends HttpError {}

export const PackageInput = z.strictObject({
  target: z.string().regex(/^(module|scenario):[a-z0-9-]+$/, 'Pick a module or a scenario'),
  lms: z.string().trim().min(1, 'Name the LMS the package is for').max(60),
});

/** What a package can open: every module and scenario (check-ups are assigned in the trainer, not from a package). */
export function packageTargets(): Target[] {
  return linkableTargets().filter((t) => t.kind === 'module' || t.kind === 'scenario');
}

export function targetOf(pkg: Pick<ScormPackage, 'targetKind' | 'targetId'>): Target | undefined {
  return packageTargets().find((t) => t.kind === pkg.targetKind && t.id === pkg.targetId);
}

const tokenKey = (secret: string) => new Uint8Array(derivedKey(secret, 'scorm package v1'));

/** The token baked into a package: names the package only, so revoking the row is what ends it. */
export function packageToken(pkg: Pick<ScormPackage, 'id'>, secret: string): Promise<string> {
  return new SignJWT({ pid: pkg.id }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(tokenKey(secret));
}

/** The live package a token names, or undefined for a forged token or a revoked or deleted package. */
export async function packageFromToken(db: Db, token: string | null, secret: string): Promise<ScormPackage | undefined> {
  if (!token) return undefined;
  let pid: unknown;
  try {
    ({ payload: { pid } } = await jwtVerify(token, tokenKey(secret), { algorithms: ['HS256'] }));
  } catch {
    return undefined;
  }
  if (typeof pid !== 'string' || !isUuid(pid)) return undefined;
  const [row] = await db.select().from(scormPackages).where(and(eq(scormPackages.id, pid), isNull(scormPackages.revokedAt)));
  return row;
}

export async function createPackage(db: Db, actorId: string, input: z.infer<typeof PackageInput>): Promise<{ pkg: ScormPackage; target: Target }> {
  const [kind, id] = input.target.split(':') as [string, string];
  const target = packageTargets().find((t) => t.kind === kind && t.id === id);
  if (!target) throw new PackageError(404, `There is no ${kind} "${id}".`);
  const [pkg] = await db.insert(scormPackages).values({ targetKind: target.kind, targetId: target.id, lms: input.lms, createdBy: actorId }).returning();
  await audit(db, { action: 'scorm.package_exported', actorId, subject: `${target.kind}:${target.id}`, detail: { packageId: pkg!.id, lms: input.lms } });
  return { pkg: pkg!, target };
}

export async function listPackages(db: Db): Promise<ScormPackage[]> {
  return db.select().from(scormPackages).orderBy(desc(scormPackages.createdAt));
}

export async function revokePackage(db: Db, actorId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw new PackageError(404, 'No such package.');
  const [row] = await db.update(scormPackages).set({ revokedAt: new Date() }).where(and(eq(scormPackages.id, id), isNull(scormPackages.revokedAt))).returning();
  if (!row) throw new PackageError(404, 'No such package, or it was revoked already.');
  await audit(db, { action: 'scorm.package_revoked', actorId, subject: `${row.targetKind}:${row.targetId}`, detail: { packageId: row.id, lms: row.lms } });
}

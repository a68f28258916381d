// A SCORM package's launch: the package's page opens this in a frame with its token and the LMS's learner id; the learner is signed in and sent to the module or scenario.
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, Writer } from '@/db/client';
import { scormIdentities, users, type User } from '@/db/schema';
import { audit } from '@/lib/audit';
import { launchedAccount } from '@/lib/auth/launch-session';
import { LaunchRefusal } from '@/lib/lti/refusal';
import { packageFromToken, targetOf, type ScormPackage } from './packages';

export interface ScormLaunch {
  token: string | null;
  studentId: string | null;
  studentName: string | null;
  origin: string | null;
  /** The origins of the pages above the package page (`location.ancestorOrigins`, where the browser has it), space-separated. */
  ancestors?: string | null;
}

/** SCORM 1.2 gives names as "Family, Given"; the trainer shows "Given Family". */
export function displayName(studentName: string | null, lms: string): string {
  const name = (studentName ?? '').trim().slice(0, 200);
  if (!name) return `Learner from ${lms}`;
  const [family, given] = name.split(',').map((p) => p.trim());
  return given ? `${given} ${family}` : name;
}

/** The page origin the package reports from: a plain http(s) origin, nothing more. */
function originOf(value: string | null): string {
  try {
    const url = new URL(value ?? '');
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value) return url.origin;
  } catch {
    // Refused below.
  }
  throw new LaunchRefusal('bad-login', `the package page gave no usable origin (${String(value).slice(0, 100)})`);
}

/** The ancestors worth allowing: plain origins only, a few at most; anything else is dropped rather than refused. */
function ancestorOrigins(value: string | null | undefined): string[] {
  const out: string[] = [];
  for (const candidate of (value ?? '').split(' ').slice(0, 5)) {
    try {
      const url = new URL(candidate);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === candidate) out.push(url.origin);
    } catch {
      // Not an origin: dropped.
    }
  }
  return out;
}

export async function verifyScormLaunch(
  db: Db,
  launch: ScormLaunch,
  secret: string,
): Promise<{ pkg: ScormPackage; user: User; origin: string; frameOrigins: string[]; path: string }> {
  const pkg = await packageFromToken(db, launch.token, secret);
  if (!pkg) throw new LaunchRefusal('unknown-package', 'the token is forged, or names a revoked or deleted package');
  const target = targetOf(pkg);
  if (!target) throw new LaunchRefusal('unknown-package', `the package's ${pkg.targetKind} ${pkg.targetId} is no longer in the course`);
  const studentId = (launch.studentId ?? '').trim();
  if (!studentId || studentId.length > 255) throw new LaunchRefusal('bad-login', 'the LMS gave no learner id (cmi.core.student_id)');
  const origin = originOf(launch.origin);
  const find = async (w: Writer) =>
    (await w.select({ user: users }).from(scormIdentities).innerJoin(users, eq(users.id, scormIdentities.userId)).where(and(eq(scormIdentities.lms, pkg.lms), eq(scormIdentities.studentId, studentId))))[0]
      ?.user;
  const { user, created } = await launchedAccount(db, {
    find,
    link: async (tx, u) => void (await tx.insert(scormIdentities).values({ lms: pkg.lms, studentId, userId: u.id })),
    standIn: `scorm-${crypto.createHash('sha256').update(`${pkg.lms}\n${studentId}`).digest('hex').slice(0, 20)}@scorm.invalid`,
    name: displayName(launch.studentName, pkg.lms),
    role: 'learner',
  });
  if (!user.active) throw new LaunchRefusal('inactive', `account ${user.email} is deactivated`);
  if (created) await audit(db, { action: 'user.created', subject: user.email, detail: { via: 'scorm', lms: pkg.lms, packageId: pkg.id } });
  return { pkg, user, origin, frameOrigins: [...new Set([origin, ...ancestorOrigins(launch.ancestors)])], path: target.path };
}

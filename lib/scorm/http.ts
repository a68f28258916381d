// The SCORM launch endpoint the package's page frames: reaches the runtime database itself, as it serves people not signed in yet.
import { getDb } from '@/db/runtime';
import { syncStudio } from '@/lib/studio/catalogue';
import { audit } from '@/lib/audit';
import { requestIp } from '@/lib/auth/guards';
import { sessionSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';
import { launchCookies, refused, seeOther } from '@/lib/lti/http';
import { LaunchRefusal } from '@/lib/lti/refusal';
import { verifyScormLaunch } from './launch';

/**
 * Signs the learner in with cookies that work inside the package page's frame and sends them on,
 * with the page's origin in the address so the trainer posts the result to it (and nowhere else).
 */
export async function handleScormLaunch(req: Request): Promise<Response> {
  const db = await getDb();
  // The link may name a scenario published in the studio on another instance a moment ago.
  await syncStudio(db);
  const q = new URL(req.url).searchParams;
  try {
    const { pkg, user, origin, frameOrigins, path } = await verifyScormLaunch(
      db,
      { token: q.get('token'), studentId: q.get('student'), studentName: q.get('name'), origin: q.get('origin'), ancestors: q.get('ancestors') },
      sessionSecret(env()),
    );
    await audit(db, { action: 'scorm.launched', actorId: user.id, subject: user.email, ip: await requestIp(), detail: { packageId: pkg.id, lms: pkg.lms, target: `${pkg.targetKind}:${pkg.targetId}` } });
    return seeOther(`${path}?report=${encodeURIComponent(origin)}`, await launchCookies(db, user, frameOrigins));
  } catch (e) {
    if (e instanceof LaunchRefusal) return refused(e, 'launch', 'scorm.refused');
    throw e;
  }
}

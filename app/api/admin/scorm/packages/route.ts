// Admin: exports a SCORM 1.2 package (zip) for a module or scenario.
import { requireApiUser } from '@/lib/auth/guards';
import { sessionSecret } from '@/lib/auth/secret';
import { appBaseUrl, env } from '@/lib/env';
import { apiRoute, readJson } from '@/lib/http';
import { createPackage, PackageInput, packageToken } from '@/lib/scorm/packages';
import { packageZip } from '@/lib/scorm/zip';

export const POST = apiRoute(async (req: Request) => {
  const { user: admin, db } = await requireApiUser('/api/admin/scorm/packages', ['admin']);
  const input = await readJson(req, PackageInput);
  const { pkg, target } = await createPackage(db, admin.id, input);
  const zip = packageZip({ packageId: pkg.id, token: await packageToken(pkg, sessionSecret(env())), trainer: appBaseUrl(), target });
  return new Response(new Uint8Array(zip), {
    status: 201,
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="empathy-trainer-${target.kind}-${target.id}.zip"`,
      'x-package-id': pkg.id,
    },
  });
});

// Admin: registers a learning platform for LTI 1.3 launches.
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';
import { PlatformInput, registerPlatform } from '@/lib/lti/platforms';

export const POST = apiRoute(async (req: Request) => {
  const { user: admin, db } = await requireApiUser('/api/admin/lti/platforms', ['admin']);
  const input = await readJson(req, PlatformInput);
  const platform = await registerPlatform(db, admin.id, input);
  return Response.json({ platform: { id: platform.id, name: platform.name } }, { status: 201 });
});

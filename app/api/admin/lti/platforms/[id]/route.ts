// Admin: removes a learning platform; its launches stop working at once.
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute } from '@/lib/http';
import { removePlatform } from '@/lib/lti/platforms';

type Ctx = { params: Promise<{ id: string }> };

export const DELETE = apiRoute(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { user: admin, db } = await requireApiUser(`/api/admin/lti/platforms/${id}`, ['admin']);
  await removePlatform(db, admin.id, id);
  return Response.json({ deleted: true });
});

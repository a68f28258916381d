// Admin: revokes a SCORM package; its launches are refused from then on.
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute } from '@/lib/http';
import { revokePackage } from '@/lib/scorm/packages';

type Ctx = { params: Promise<{ id: string }> };

export const DELETE = apiRoute(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { user: admin, db } = await requireApiUser(`/api/admin/scorm/packages/${id}`, ['admin']);
  await revokePackage(db, admin.id, id);
  return Response.json({ revoked: true });
});

// Admin: turns off someone's two-step sign-in when they have lost their phone and their recovery codes.
import { resetTwoStep } from '@/lib/admin/users';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute } from '@/lib/http';

export const DELETE = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const { user: admin, db } = await requireApiUser(`/api/admin/users/${id}/two-step`, ['admin']);
  await resetTwoStep(db, admin.id, id);
  return Response.json({ twoStep: false });
});

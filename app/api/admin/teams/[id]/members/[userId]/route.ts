// Admin: removes a member from a team; their account and records stay.
import { removeFromTeam } from '@/lib/admin/teams';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute } from '@/lib/http';

export const DELETE = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string; userId: string }> }) => {
  const { id, userId } = await ctx.params;
  const { user: admin, db } = await requireApiUser(`/api/admin/teams/${id}/members/${userId}`, ['admin']);
  await removeFromTeam(db, admin.id, id, userId, 'member');
  return Response.json({ removed: true });
});

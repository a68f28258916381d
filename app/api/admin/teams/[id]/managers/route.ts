// Admin: adds a manager to a team, named by email.
import { z } from 'zod';
import { addManager } from '@/lib/admin/teams';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';

const Add = z.strictObject({ email: z.string().max(300) });

export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const { user: admin, db } = await requireApiUser(`/api/admin/teams/${id}/managers`, ['admin']);
  const { email } = await readJson(req, Add);
  await addManager(db, admin.id, id, email);
  return Response.json({ added: true }, { status: 201 });
});

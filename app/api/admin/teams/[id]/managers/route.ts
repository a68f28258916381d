// Admin: adds a manager to a team, named by email.
import { z } from 'zod';
import { getDb } from '@/db/runtime';
import { addManager } from '@/lib/admin/teams';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';

const Add = z.strictObject({ email: z.string().max(300) });

export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const admin = await requireApiUser(`/api/admin/teams/${id}/managers`, ['admin']);
  const { email } = await readJson(req, Add);
  await addManager(await getDb(), admin.id, id, email);
  return Response.json({ added: true }, { status: 201 });
});

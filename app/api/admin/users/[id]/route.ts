// Admin changes to one account: activate, deactivate, change role. Takes effect at the user's next request.
import { z } from 'zod';
import { getDb } from '@/db/runtime';
import { roles } from '@/db/schema';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';
import { updateAccount } from '@/lib/users';

const Change = z.strictObject({ active: z.boolean().optional(), role: z.enum(roles).optional() });

export const PATCH = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const admin = await requireApiUser(`/api/admin/users/${id}`, ['admin']);
  const change = await readJson(req, Change);
  const user = await updateAccount(await getDb(), admin.id, id, change);
  return Response.json({ user: { id: user.id, email: user.email, role: user.role, active: user.active } });
});

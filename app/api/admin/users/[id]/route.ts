// Admin changes to one account: name, email, role, activation, password. Access changes apply at the user's next request.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '@/lib/auth/password-limits';
import { roles } from '@/lib/roles';
import { editPerson } from '@/lib/admin/users';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';

const Change = z.strictObject({
  active: z.boolean().optional(),
  role: z.enum(roles).optional(),
  name: z.string().max(300).optional(),
  email: z.string().max(300).optional(),
  password: z.string().max(MAX_PASSWORD_LENGTH).optional(),
});

export const PATCH = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const { user: admin, db } = await requireApiUser(`/api/admin/users/${id}`, ['admin']);
  const change = await readJson(req, Change);
  const user = await editPerson(db, admin.id, id, change);
  return Response.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active } });
});

// Admin: renames a team, or deletes an empty one.
import { z } from 'zod';
import { deleteTeam, renameTeam } from '@/lib/admin/teams';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';
import { adminDeleteRoute } from '../../delete-route';

const Rename = z.strictObject({ name: z.string().max(300) });
type Ctx = { params: Promise<{ id: string }> };

export const PATCH = apiRoute(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { user: admin, db } = await requireApiUser(`/api/admin/teams/${id}`, ['admin']);
  const { name } = await readJson(req, Rename);
  const team = await renameTeam(db, admin.id, id, name);
  return Response.json({ team });
});

export const DELETE = adminDeleteRoute((id) => `/api/admin/teams/${id}`, deleteTeam, { deleted: true });

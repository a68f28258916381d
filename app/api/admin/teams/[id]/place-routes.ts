// The add and remove handlers the members and managers routes share: the same checks and answers, only the place in the team differs.
import { z } from 'zod';
import { addManager, addMember, removeFromTeam, type Place } from '@/lib/admin/teams';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';

const Add = z.strictObject({ email: z.string().max(300) });
// Managers are added by their own function: it refuses learners, who would see nothing as managers.
const add = { member: addMember, manager: addManager } satisfies Record<Place, unknown>;

/** POST /api/admin/teams/[id]/{place}s: adds the account named by email. */
export function addToTeamRoute(place: Place) {
  return apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
    const { id } = await ctx.params;
    const { user: admin, db } = await requireApiUser(`/api/admin/teams/${id}/${place}s`, ['admin']);
    const { email } = await readJson(req, Add);
    await add[place](db, admin.id, id, email);
    return Response.json({ added: true }, { status: 201 });
  });
}

/** DELETE /api/admin/teams/[id]/{place}s/[userId]: takes them out of that place; their account and records stay. */
export function removeFromTeamRoute(place: Place) {
  return apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string; userId: string }> }) => {
    const { id, userId } = await ctx.params;
    const { user: admin, db } = await requireApiUser(`/api/admin/teams/${id}/${place}s/${userId}`, ['admin']);
    await removeFromTeam(db, admin.id, id, userId, place);
    return Response.json({ removed: true });
  });
}

// Admin: creates a team.
import { z } from 'zod';
import { createTeam } from '@/lib/admin/teams';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';

const NewTeam = z.strictObject({ name: z.string().max(300) });

export const POST = apiRoute(async (req: Request) => {
  const { user: admin, db } = await requireApiUser('/api/admin/teams', ['admin']);
  const { name } = await readJson(req, NewTeam);
  const team = await createTeam(db, admin.id, name);
  return Response.json({ team }, { status: 201 });
});

// Admin: creates a team.
import { z } from 'zod';
import { getDb } from '@/db/runtime';
import { createTeam } from '@/lib/admin/teams';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';

const NewTeam = z.strictObject({ name: z.string().max(300) });

export const POST = apiRoute(async (req: Request) => {
  const admin = await requireApiUser('/api/admin/teams', ['admin']);
  const { name } = await readJson(req, NewTeam);
  const team = await createTeam(await getDb(), admin.id, name);
  return Response.json({ team }, { status: 201 });
});

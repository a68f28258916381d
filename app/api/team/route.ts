// The teams the signed-in manager leads, with their members (admins: every team).
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute } from '@/lib/http';
import { teamsFor } from '@/lib/auth/teams';

export const GET = apiRoute(async () => {
  const { user, db } = await requireApiUser('/api/team', ['manager', 'admin']);
  return Response.json({ teams: await teamsFor(db, user) });
});

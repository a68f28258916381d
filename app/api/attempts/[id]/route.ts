// One attempt so far, for resuming and for the debrief. Only its learner can read it.
import { getAttempt } from '@/lib/attempts/read';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute } from '@/lib/http';

type Ctx = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { user, db } = await requireApiUser(`/api/attempts/${id}`);
  return Response.json(await getAttempt(db, user.id, id));
});

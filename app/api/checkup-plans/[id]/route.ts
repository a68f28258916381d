// Stops a check-up plan: no further runs; assignments already made stay open.
import { assertManagesTeam } from '@/lib/auth/access';
import { requireApiUser } from '@/lib/auth/guards';
import { getPlan, stopPlan } from '@/lib/checkups/plans';
import { HttpError } from '@/lib/http-error';
import { apiRoute } from '@/lib/http';

export const DELETE = apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const { user, db } = await requireApiUser(`/api/checkup-plans/${id}`, ['manager', 'admin']);
  const plan = await getPlan(db, id);
  if (!plan) throw new HttpError(404, 'There is no such check-up plan.');
  await assertManagesTeam(db, user, plan.teamId);
  return Response.json({ plan: await stopPlan(db, id, user) });
});

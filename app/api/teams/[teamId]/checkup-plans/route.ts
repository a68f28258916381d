// Creates a team's check-up plan; its first run (unless it starts later) assigns scenarios at once.
import { assertManagesTeam } from '@/lib/auth/access';
import { requireApiUser } from '@/lib/auth/guards';
import { createPlan, PlanFields } from '@/lib/checkups/plans';
import { apiRoute, readJson } from '@/lib/http';

export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ teamId: string }> }) => {
  const { teamId } = await ctx.params;
  const { user, db } = await requireApiUser(`/api/teams/${teamId}/checkup-plans`, ['manager', 'admin']);
  await assertManagesTeam(db, user, teamId);
  const fields = await readJson(req, PlanFields);
  const { plan, firstRun, repeated } = await createPlan(db, user, { ...fields, teamId });
  // A repeat of a request just answered gets the same plan back, not a second one.
  return Response.json({ plan, firstRun, assignments: firstRun?.assignments ?? 0, ...(repeated ? { repeated: true } : {}) }, { status: repeated ? 200 : 201 });
});

// The signed-in learner's progress in one module: status, answers with explanations, their own reflections.
import { requireApiUser } from '@/lib/auth/guards';
import { requireModule } from '@/lib/content/lookup';
import { apiRoute } from '@/lib/http';
import { moduleProgressFor } from '@/lib/progress/modules';

type Ctx = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { user, db } = await requireApiUser(`/api/modules/${id}/progress`);
  return Response.json(await moduleProgressFor(db, user.id, requireModule(id)));
});

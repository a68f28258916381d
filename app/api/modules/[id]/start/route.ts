// Marks a module as started when the learner opens it.
import { requireApiUser } from '@/lib/auth/guards';
import { requireModule } from '@/lib/content/lookup';
import { apiRoute } from '@/lib/http';
import { startModule } from '@/lib/progress/modules';

type Ctx = { params: Promise<{ id: string }> };

export const POST = apiRoute(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { user, db } = await requireApiUser(`/api/modules/${id}/start`);
  await startModule(db, user.id, requireModule(id));
  return Response.json({ ok: true });
});

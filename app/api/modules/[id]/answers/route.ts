// Records an answer to a knowledge check and returns its explanation; the first answer stands.
import { z } from 'zod';
import { requireApiUser } from '@/lib/auth/guards';
import { requireModule } from '@/lib/content/lookup';
import { apiRoute, readJson } from '@/lib/http';
import { answerCheck } from '@/lib/progress/modules';

type Ctx = { params: Promise<{ id: string }> };
const Answer = z.strictObject({ checkId: z.string().min(1).max(100), optionId: z.string().min(1).max(100) });

export const POST = apiRoute(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { user, db } = await requireApiUser(`/api/modules/${id}/answers`);
  const mod = requireModule(id);
  const { checkId, optionId } = await readJson(req, Answer);
  return Response.json(await answerCheck(db, user.id, mod, checkId, optionId));
});

// Saves the learner's private note for one reflection prompt (empty text clears it).
import { z } from 'zod';
import { requireApiUser } from '@/lib/auth/guards';
import { requireModule } from '@/lib/content/lookup';
import { apiRoute, readJson } from '@/lib/http';
import { saveReflection } from '@/lib/progress/modules';

type Ctx = { params: Promise<{ id: string; reflectionId: string }> };
const Note = z.strictObject({ text: z.string() });

export const PUT = apiRoute(async (req: Request, ctx: Ctx) => {
  const { id, reflectionId } = await ctx.params;
  const { user, db } = await requireApiUser(`/api/modules/${id}/reflections/${reflectionId}`);
  const mod = requireModule(id);
  const { text } = await readJson(req, Note);
  await saveReflection(db, user.id, mod, reflectionId, text);
  return Response.json({ ok: true });
});

// Records one decision of an attempt; the server replays the attempt and is the only source of scores.
import { z } from 'zod';
import { getDb } from '@/db/runtime';
import { decideAttempt } from '@/lib/attempts';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';

type Ctx = { params: Promise<{ id: string }> };

const Decision = z.strictObject({
  seq: z.number().int().min(0).max(1000),
  choiceId: z.string().min(1).max(100),
  elapsedMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).optional(),
});

export const POST = apiRoute(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const user = await requireApiUser(`/api/attempts/${id}/decisions`);
  const input = await readJson(req, Decision);
  return Response.json(await decideAttempt(await getDb(), user.id, id, input));
});

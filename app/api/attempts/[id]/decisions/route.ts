// Records one decision of an attempt; the server replays the attempt and is the only source of scores.
import { z } from 'zod';
import { getDb } from '@/db/runtime';
import { decideForSession } from '@/lib/attempts';
import { AccessError, sessionClaims } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';

type Ctx = { params: Promise<{ id: string }> };

const Decision = z.strictObject({
  seq: z.number().int().min(0).max(1000),
  choiceId: z.string().min(1).max(100),
  elapsedMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).optional(),
});

export const POST = apiRoute(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  // The session is checked together with the attempt, in one query (see decideForSession).
  const claims = await sessionClaims();
  if (!claims) throw new AccessError(401, 'Sign in first.');
  const input = await readJson(req, Decision);
  return Response.json(await decideForSession(await getDb(), claims, id, input));
});

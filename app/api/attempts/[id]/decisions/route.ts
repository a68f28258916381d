// Records one decision of an attempt (a choice picked or a reply typed); the server replays the attempt and is the only source of scores.
import { z } from 'zod';
import { decide } from '@/lib/attempts/decide';
import { requireApiUser, requireClaims } from '@/lib/auth/guards';
import { isBlankReply, MAX_REPLY_LENGTH } from '@/lib/coach/limits';
import { countDecision } from '@/lib/decision-limit';
import { apiRoute, readJson } from '@/lib/http';

type Ctx = { params: Promise<{ id: string }> };

const Decision = z
  .strictObject({
    seq: z.number().int().min(0).max(1000),
    choiceId: z.string().min(1).max(100).optional(),
    reply: z
      .string()
      .max(MAX_REPLY_LENGTH, `must be at most ${MAX_REPLY_LENGTH} characters`)
      .refine((s) => !isBlankReply(s), 'must not be empty')
      // readJson already refuses NUL; a lone surrogate would not survive the trip to the database intact.
      .refine((s) => !/\p{Cs}/u.test(s), 'must not contain unpaired surrogate characters')
      .optional(),
    elapsedMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).optional(),
  })
  .refine((d) => (d.choiceId === undefined) !== (d.reply === undefined), 'send either choiceId (a reply on offer) or reply (your own words), not both');

export const POST = apiRoute(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { claims, db } = await requireClaims();
  const input = await readJson(req, Decision);
  await countDecision(claims.uid);
  // The full session check is asked for only when the one-statement path cannot decide.
  return Response.json(await decide(db, claims, id, input, async () => (await requireApiUser(`/api/attempts/${id}/decisions`)).user));
});

// Records one decision of an attempt (a choice picked or a reply typed); the server replays the attempt and is the only source of scores.
import { decide } from '@/lib/attempts/decide';
import { DecisionSchema } from '@/lib/attempts/input';
import { requireApiUser, requireClaims } from '@/lib/auth/guards';
import { countDecision } from '@/lib/decision-limit';
import { apiRoute, readJson } from '@/lib/http';

type Ctx = { params: Promise<{ id: string }> };

export const POST = apiRoute(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { claims, db } = await requireClaims();
  const input = await readJson(req, DecisionSchema);
  await countDecision(claims.uid);
  // The full session check is asked for only when the one-statement path cannot decide.
  return Response.json(await decide(db, claims, id, input, async () => (await requireApiUser(`/api/attempts/${id}/decisions`)).user));
});

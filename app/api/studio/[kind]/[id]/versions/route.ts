// Studio: a new published version, from the draft the author is looking at or from an earlier version (a rollback); refused (422, with every problem) while the linter or the strategy gate objects.
import { z } from 'zod';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';
import { authoringRoles } from '@/lib/roles';
import { kindOf } from '@/lib/studio/documents';
import { publishDraft, publishRefusal, rollBack } from '@/lib/studio/publish';

type Ctx = { params: Promise<{ kind: string; id: string }> };
const NewVersion = z.union([
  z.strictObject({ revision: z.number().int().min(1) }),
  z.strictObject({ rollBackTo: z.number().int().min(1) }),
]);

export const POST = apiRoute(async (req: Request, ctx: Ctx) => {
  const { kind: segment, id } = await ctx.params;
  const { user, db } = await requireApiUser(`/api/studio/${segment}/${id}/versions`, authoringRoles);
  const body = await readJson(req, NewVersion);
  const kind = kindOf(segment);
  const result = 'revision' in body ? await publishDraft(db, user.id, kind, id, body.revision) : await rollBack(db, user.id, kind, id, body.rollBackTo);
  if (!result.published) return publishRefusal(result);
  return Response.json(result, { status: 201 });
});

// Studio: saves a draft on top of the revision the author last saw; a newer save by someone else answers 409 with what they saved.
import { z } from 'zod';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, jsonError, readJson } from '@/lib/http';
import { authoringRoles } from '@/lib/roles';
import { kindOf, MAX_YAML_BYTES, saveDraft } from '@/lib/studio/documents';

type Ctx = { params: Promise<{ kind: string; id: string }> };
const Draft = z.strictObject({ yaml: z.string().max(MAX_YAML_BYTES), baseRevision: z.number().int().min(1) });

export const PUT = apiRoute(async (req: Request, ctx: Ctx) => {
  const { kind: segment, id } = await ctx.params;
  const { user, db } = await requireApiUser(`/api/studio/${segment}/${id}/draft`, authoringRoles);
  const kind = kindOf(segment);
  const { yaml, baseRevision } = await readJson(req, Draft, MAX_YAML_BYTES + 1024);
  const saved = await saveDraft(db, user.id, kind, id, yaml, baseRevision);
  if ('conflict' in saved) {
    return jsonError(409, `${saved.current.updatedBy ?? 'Another author'} saved this draft while you were editing. Your text is kept here; compare and save again.`, { current: saved.current });
  }
  return Response.json(saved);
});

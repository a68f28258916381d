// Studio: one document's draft and who saved it last, which the editor asks for every few seconds to tell an author someone else has saved.
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute } from '@/lib/http';
import { authoringRoles } from '@/lib/roles';
import { kindOf, requireDocument } from '@/lib/studio/documents';

type Ctx = { params: Promise<{ kind: string; id: string }> };

export const GET = apiRoute(async (_req: Request, ctx: Ctx) => {
  const { kind: segment, id } = await ctx.params;
  const { db } = await requireApiUser(`/api/studio/${segment}/${id}`, authoringRoles);
  const doc = await requireDocument(db, kindOf(segment), id);
  return Response.json({ draft: doc.draft, revision: doc.revision, updatedAt: doc.updatedAt, updatedBy: doc.updatedBy, published: doc.published && { version: doc.published.version } });
});

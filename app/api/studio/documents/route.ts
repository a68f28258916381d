// Studio: starts a scenario or persona as a copy of a shipped one, under a new id.
import { z } from 'zod';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';
import { authoringRoles } from '@/lib/roles';
import { segmentOf } from '@/lib/studio/documents';
import { copyShipped } from '@/lib/studio/files';

const NewDocument = z.strictObject({
  kind: z.enum(['scenario', 'persona']),
  from: z.string().max(100),
  id: z.string().max(100),
  title: z.string().trim().max(200).optional(),
});

export const POST = apiRoute(async (req: Request) => {
  const { user, db } = await requireApiUser('/api/studio/documents', authoringRoles);
  const { kind, from, id, title } = await readJson(req, NewDocument);
  const doc = await copyShipped(db, user.id, kind, from, id, title || undefined);
  return Response.json({ id: doc.id, href: `/studio/${segmentOf(kind)}/${doc.id}` }, { status: 201 });
});

// Studio: takes a scenario or persona YAML file; a file with problems is refused with each one and its line, and nothing is saved.
import { z } from 'zod';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, jsonError, readJson } from '@/lib/http';
import { authoringRoles } from '@/lib/roles';
import { MAX_YAML_BYTES, segmentOf } from '@/lib/studio/documents';
import { importYaml } from '@/lib/studio/files';

const Import = z.strictObject({ kind: z.enum(['scenario', 'persona']), yaml: z.string().max(MAX_YAML_BYTES), replace: z.boolean().default(false) });

export const POST = apiRoute(async (req: Request) => {
  const { user, db } = await requireApiUser('/api/studio/import', authoringRoles);
  const { kind, yaml, replace } = await readJson(req, Import, MAX_YAML_BYTES + 1024);
  const result = await importYaml(db, user.id, kind, yaml, replace);
  if ('problems' in result) {
    const n = result.problems.length;
    return jsonError(422, `The file has ${n} problem${n === 1 ? '' : 's'}; nothing was imported.`, { problems: result.problems });
  }
  return Response.json({ id: result.imported.id, href: `/studio/${segmentOf(kind)}/${result.imported.id}` }, { status: 201 });
});

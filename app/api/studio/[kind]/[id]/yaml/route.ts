// Studio: a scenario or persona as its YAML file (a version, the draft, or a shipped file), to read or download for git.
import { requireApiUser } from '@/lib/auth/guards';
import { HttpError } from '@/lib/http-error';
import { apiRoute } from '@/lib/http';
import { authoringRoles } from '@/lib/roles';
import { kindOf } from '@/lib/studio/documents';
import { exportYaml } from '@/lib/studio/files';

type Ctx = { params: Promise<{ kind: string; id: string }> };

export const GET = apiRoute(async (req: Request, ctx: Ctx) => {
  const { kind: segment, id } = await ctx.params;
  const { db } = await requireApiUser(`/api/studio/${segment}/${id}/yaml`, authoringRoles);
  const q = new URL(req.url).searchParams;
  const raw = q.get('version');
  const version = raw === null ? undefined : Number(raw);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) throw new HttpError(400, 'version must be a whole number from 1.');
  const yaml = await exportYaml(db, kindOf(segment), id, version);
  const headers: Record<string, string> = { 'content-type': 'application/yaml; charset=utf-8', 'cache-control': 'no-store' };
  if (q.get('download') === '1') headers['content-disposition'] = `attachment; filename="${id}.yaml"`;
  return new Response(yaml, { headers });
});

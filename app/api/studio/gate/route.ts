// Studio: plays the strategies that ignore the customer on a draft scenario, on demand, and answers with the gate's table.
import { z } from 'zod';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';
import { authoringRoles } from '@/lib/roles';
import { gateScenario, lintDocument } from '@/lib/studio/check';
import { KEBAB, MAX_YAML_BYTES } from '@/lib/studio/documents';

const Gate = z.strictObject({ id: z.string().regex(KEBAB, 'must be a scenario id'), yaml: z.string().max(MAX_YAML_BYTES) });

export const POST = apiRoute(async (req: Request) => {
  await requireApiUser('/api/studio/gate', authoringRoles);
  const { id, yaml } = await readJson(req, Gate, MAX_YAML_BYTES + 1024);
  const linted = lintDocument('scenario', id, yaml);
  return Response.json({ lint: linted.problems, gate: gateScenario(id, linted) ?? null });
});

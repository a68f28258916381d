// Studio: plays a saved draft in practice mode (from its start or any node) and stores nothing: the browser sends every decision so far.
import { z } from 'zod';
import { DecisionSchema } from '@/lib/attempts/input';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';
import { authoringRoles } from '@/lib/roles';
import { KEBAB } from '@/lib/studio/documents';
import { playtestDecisions, playtestVersion, playtestView } from '@/lib/attempts/playtest';
import { playtestDraft } from '@/lib/studio/playtest';

const Playtest = z.strictObject({
  id: z.string().regex(KEBAB, 'must be a scenario id'),
  from: z.string().regex(KEBAB, 'must be a node id').optional(),
  mood: z.number().int().optional(),
  steps: z.array(DecisionSchema).max(200).default([]),
});

export const POST = apiRoute(async (req: Request) => {
  const { db } = await requireApiUser('/api/studio/playtest', authoringRoles);
  // Every decision so far travels with each request: up to 200 replies of 1,200 characters.
  const { id, from, mood, steps } = await readJson(req, Playtest, 512 * 1024);
  const draft = await playtestDraft(db, id, { from, mood });
  const v = playtestVersion(draft.definition, draft.persona);
  return Response.json(steps.length === 0 ? { view: playtestView(id, v) } : { answer: await playtestDecisions(v, steps) });
});

// Starts a role-play attempt: the first turn of the scenario, shuffled for this attempt.
import { z } from 'zod';
import { getDb } from '@/db/runtime';
import { startAttempt } from '@/lib/attempts';
import { requireApiUser } from '@/lib/auth/guards';
import { HttpError } from '@/lib/http-error';
import { apiRoute, readJson } from '@/lib/http';
import { scenarioCatalogue } from '@/lib/scenario/course';

const Start = z.strictObject({
  scenarioId: z.string().min(1).max(100),
  mode: z.enum(['practice', 'checkup']),
  assignmentId: z.uuid().optional(),
});

export const POST = apiRoute(async (req: Request) => {
  const user = await requireApiUser('/api/attempts');
  const body = await readJson(req, Start);
  const scenario = scenarioCatalogue().get(body.scenarioId);
  if (!scenario) throw new HttpError(404, `There is no scenario "${body.scenarioId}".`);
  const started = await startAttempt(await getDb(), user.id, scenario, body.mode, body.assignmentId);
  return Response.json(started, { status: 201 });
});

// Starts a role-play attempt: the first turn of the scenario, shuffled for this attempt; a retried start with the same Idempotency-Key gets the same attempt.
import { z } from 'zod';
import { startAttempt } from '@/lib/attempts/start';
import { requireApiUser } from '@/lib/auth/guards';
import { HttpError } from '@/lib/http-error';
import { apiRoute, readJson } from '@/lib/http';
import { scenarioCatalogue } from '@/lib/content/scenarios';

const Start = z.strictObject({
  scenarioId: z.string().min(1).max(100),
  mode: z.enum(['practice', 'checkup']),
  assignmentId: z.uuid().optional(),
});

/** The optional Idempotency-Key header: a client that retries a start sends the same key and gets the same attempt. */
function startKeyOf(req: Request): string | undefined {
  const key = req.headers.get('idempotency-key');
  if (key === null) return undefined;
  if (!/^[A-Za-z0-9_-]{8,100}$/.test(key)) {
    throw new HttpError(400, 'Idempotency-Key must be 8 to 100 letters, digits, "-" or "_" (a UUID will do).');
  }
  return key;
}

export const POST = apiRoute(async (req: Request) => {
  const { user, db } = await requireApiUser('/api/attempts');
  const body = await readJson(req, Start);
  const scenario = scenarioCatalogue().get(body.scenarioId);
  if (!scenario) throw new HttpError(404, `There is no scenario "${body.scenarioId}".`);
  const started = await startAttempt(db, user.id, scenario, body.mode, body.assignmentId, startKeyOf(req));
  return Response.json(started, { status: started.repeated ? 200 : 201 });
});

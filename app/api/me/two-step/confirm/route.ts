// Turns two-step sign-in on with the first code from the authenticator app; the recovery codes are shown this once.
import { z } from 'zod';
import { audit } from '@/lib/audit';
import { requestIp, requireApiUser } from '@/lib/auth/guards';
import { signInPolicy } from '@/lib/auth/options';
import { confirmEnrolment } from '@/lib/auth/two-step';
import { apiRoute, readJson } from '@/lib/http';

const Confirm = z.strictObject({ code: z.string().max(32) });

export const POST = apiRoute(async (req: Request) => {
  const { user, db } = await requireApiUser('/api/me/two-step/confirm', undefined, { allowPending: true });
  const { code } = await readJson(req, Confirm);
  const recoveryCodes = await confirmEnrolment(db, signInPolicy().twoStepKey, user.id, code);
  await audit(db, { action: 'user.two_step_enabled', actorId: user.id, subject: user.email, ip: await requestIp() });
  return Response.json({ enabled: true, recoveryCodes }, { headers: { 'Cache-Control': 'no-store' } });
});

// A fresh set of recovery codes for two-step sign-in, replacing the old ones; the password first.
import { z } from 'zod';
import { audit } from '@/lib/audit';
import { confirmOwnPassword } from '@/lib/auth/account';
import { requestIp, requireApiUser } from '@/lib/auth/guards';
import { signInPolicy } from '@/lib/auth/options';
import { replaceRecoveryCodes, twoStepStatus, TwoStepError } from '@/lib/auth/two-step';
import { apiRoute, readJson } from '@/lib/http';

const WithPassword = z.strictObject({ password: z.string().max(1024) });

export const POST = apiRoute(async (req: Request) => {
  const { user, db } = await requireApiUser('/api/me/two-step/recovery-codes');
  const { password } = await readJson(req, WithPassword);
  const ip = await requestIp();
  const policy = signInPolicy();
  await confirmOwnPassword(db, { id: user.id, email: user.email, ip }, password, policy);
  if (!(await twoStepStatus(db, user.id)).enabled) throw new TwoStepError(409, 'Two-step sign-in is off, so there are no recovery codes to replace.');
  const recoveryCodes = await replaceRecoveryCodes(db, policy.twoStepKey, user.id);
  await audit(db, { action: 'user.recovery_codes_replaced', actorId: user.id, subject: user.email, ip });
  return Response.json({ recoveryCodes }, { headers: { 'Cache-Control': 'no-store' } });
});

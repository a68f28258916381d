// Two-step sign-in for the signed-in person: start setting it up (a new secret and its QR code) or turn it off.
import QRCode from 'qrcode';
import { z } from 'zod';
import { audit } from '@/lib/audit';
import { confirmOwnPassword } from '@/lib/auth/account';
import { requestIp, requireApiUser } from '@/lib/auth/guards';
import { signInPolicy } from '@/lib/auth/options';
import { disableTwoStep, startEnrolment } from '@/lib/auth/two-step';
import { apiRoute, readJson } from '@/lib/http';

const WithPassword = z.strictObject({ password: z.string().max(1024) });

export const POST = apiRoute(async (req: Request) => {
  const { user, db } = await requireApiUser('/api/me/two-step', undefined, { allowPending: true });
  const { password } = await readJson(req, WithPassword);
  const policy = signInPolicy();
  await confirmOwnPassword(db, { id: user.id, email: user.email, ip: await requestIp() }, password, policy);
  const enrolment = await startEnrolment(db, policy.twoStepKey, user);
  const qrSvg = await QRCode.toString(enrolment.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return Response.json({ ...enrolment, qrSvg }, { headers: { 'Cache-Control': 'no-store' } });
});

export const DELETE = apiRoute(async (req: Request) => {
  const { user, db } = await requireApiUser('/api/me/two-step', undefined, { allowPending: true });
  const { password } = await readJson(req, WithPassword);
  const ip = await requestIp();
  await confirmOwnPassword(db, { id: user.id, email: user.email, ip }, password, signInPolicy());
  await disableTwoStep(db, user.id);
  await audit(db, { action: 'user.two_step_disabled', actorId: user.id, subject: user.email, ip });
  return Response.json({ enabled: false });
});

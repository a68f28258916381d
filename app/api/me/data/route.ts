// Download my data: everything the trainer holds about the signed-in person, as one JSON file.
import { audit } from '@/lib/audit';
import { requireApiUser } from '@/lib/auth/guards';
import { clientIp } from '@/lib/auth/options';
import { HttpError } from '@/lib/http-error';
import { apiRoute } from '@/lib/http';
import { exportPersonalData } from '@/lib/privacy/export';

export const GET = apiRoute(async (req: Request) => {
  const { user, db } = await requireApiUser('/api/me/data');
  const now = new Date();
  const data = await exportPersonalData(db, user.id, now);
  if (!data) throw new HttpError(404, 'There is no account to export.');
  await audit(db, { action: 'user.data_exported', actorId: user.id, subject: user.id, ip: clientIp(Object.fromEntries(req.headers)) });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="empathy-trainer-data-${now.toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
});

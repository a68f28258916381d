// Admin: removes the demo organisation (its people, their records, and its teams) in one action.
import { z } from 'zod';
import { removeDemo } from '@/lib/admin/demo';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';

// The body names what is being removed, so a stray request cannot do it by accident.
const Confirm = z.strictObject({ confirm: z.literal('remove the demo organisation') });

export const DELETE = apiRoute(async (req: Request) => {
  const { user: admin, db } = await requireApiUser('/api/admin/demo', ['admin']);
  await readJson(req, Confirm);
  const removed = await removeDemo(db, admin);
  return Response.json({ removed });
});

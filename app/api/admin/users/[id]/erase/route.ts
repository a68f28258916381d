// Admin: erases one person (ADR 17). The body repeats their email, so a stray or replayed request cannot erase the wrong one.
import { z } from 'zod';
import { requireApiUser } from '@/lib/auth/guards';
import { clientIp } from '@/lib/auth/options';
import { apiRoute, readJson } from '@/lib/http';
import { erasePerson } from '@/lib/privacy/erase';

const Confirm = z.strictObject({ confirmEmail: z.string().max(300) });

export const POST = apiRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const { user: admin, db } = await requireApiUser(`/api/admin/users/${id}/erase`, ['admin']);
  const { confirmEmail } = await readJson(req, Confirm);
  const erased = await erasePerson(db, admin.id, id, { email: confirmEmail, ip: clientIp(Object.fromEntries(req.headers)) });
  return Response.json({ erased });
});

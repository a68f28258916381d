// Admin: adds an account, optionally with a first password and a team.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '@/lib/auth/password-limits';
import { roles } from '@/lib/roles';
import { createPerson } from '@/lib/admin/users';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';

const NewUser = z.strictObject({
  email: z.string().max(300),
  name: z.string().max(300),
  role: z.enum(roles),
  // Null or absent: the person signs in through single sign-on until a password is set.
  password: z.string().max(MAX_PASSWORD_LENGTH).nullable().optional(),
  teamId: z.string().max(100).nullable().optional(),
});

export const POST = apiRoute(async (req: Request) => {
  const { user: admin, db } = await requireApiUser('/api/admin/users', ['admin']);
  const input = await readJson(req, NewUser);
  const user = await createPerson(db, admin.id, { ...input, password: input.password || null, teamId: input.teamId || null });
  return Response.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active } }, { status: 201 });
});

// A person changes their own password: the current one, then the new one; every other session ends.
import { z } from 'zod';
import { changeOwnPassword } from '@/lib/auth/account';
import { currentSessionId, requestIp, requireApiUser } from '@/lib/auth/guards';
import { signInPolicy } from '@/lib/auth/options';
import { apiRoute, readJson } from '@/lib/http';

const Change = z.strictObject({
  current: z.string().max(1024),
  password: z.string().max(1024),
});

export const POST = apiRoute(async (req: Request) => {
  const { user, db } = await requireApiUser('/api/me/password', undefined, { allowPending: true });
  const input = await readJson(req, Change);
  const result = await changeOwnPassword(
    db,
    { id: user.id, email: user.email, ip: await requestIp(), sessionId: await currentSessionId() },
    { current: input.current, next: input.password },
    signInPolicy(),
  );
  return Response.json(result);
});

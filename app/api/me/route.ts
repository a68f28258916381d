// The signed-in user, for scripts and the client.
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute } from '@/lib/http';

export const GET = apiRoute(async () => Response.json({ user: (await requireApiUser('/api/me')).user }));

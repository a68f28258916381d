// The DELETE handler the admin routes on one record share: an admin, one lib call that acts on the record and audits it, and its answer.
import { requireApiUser, type Guarded } from '@/lib/auth/guards';
import { apiRoute } from '@/lib/http';

type Act = (db: Guarded['db'], adminId: string, id: string) => Promise<void>;

/** `path` names the route for one id, for the audit entry of a refused request. */
export function adminDeleteRoute(path: (id: string) => string, act: Act, answer: Record<string, boolean>) {
  return apiRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
    const { id } = await ctx.params;
    const { user: admin, db } = await requireApiUser(path(id), ['admin']);
    await act(db, admin.id, id);
    return Response.json(answer);
  });
}

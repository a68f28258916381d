// CSV export of a team's results for its managers and admins: ?kind=skills (learner × skill) or ?kind=attempts.
import { audit } from '@/lib/audit';
import { assertManagesTeam } from '@/lib/auth/access';
import { requireApiUser } from '@/lib/auth/guards';
import { HttpError } from '@/lib/http-error';
import { apiRoute } from '@/lib/http';
import { teamCsv } from '@/lib/reports/export';

export const GET = apiRoute(async (req: Request, ctx: { params: Promise<{ teamId: string }> }) => {
  const { teamId } = await ctx.params;
  const { user, db } = await requireApiUser(`/api/teams/${teamId}/export`, ['manager', 'admin']);
  const kind = new URL(req.url).searchParams.get('kind') ?? 'skills';
  if (kind !== 'skills' && kind !== 'attempts') throw new HttpError(400, 'kind must be "skills" or "attempts".');
  const team = await assertManagesTeam(db, user, teamId);
  const csv = await teamCsv(db, teamId, kind);
  // Exports carry every learner's results out of the product: who took which, and when, is kept.
  await audit(db, { action: 'team.exported', actorId: user.id, subject: team.name, detail: { teamId, kind } });
  const name = `${team.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'team'}-${kind}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
});

// What the manager's /team page shows for one viewer and query string: their teams, the chosen team's overview filtered and sorted, and its summary figures.
import type { Db } from '@/db/client';
import type { SessionUser } from '@/lib/auth/access';
import { getCourse } from '@/lib/content/course';
import { onboardingPath } from '@/lib/content/onboarding';
import { teamsVisibleTo } from '@/lib/auth/teams';
import { teamScenarioCounts, type ScenarioCount } from './choices';
import { sortKeys, sortMembers, teamOverview, type HeatmapBasis, type MemberRow, type RunSummary, type SortKey, type TeamOverview } from './team';

type SearchParams = Record<string, string | string[] | undefined>;
export type MemberFilter = 'all' | 'overdue' | 'onboarding';

export interface TeamQuery {
  team: string;
  basis: HeatmapBasis;
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** Matched against name and email, case-insensitively; at most 100 characters. */
  search: string;
  show: MemberFilter;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The page's query string, with anything unknown replaced by the default rather than refused: it is a bookmarkable view, not a command. */
export function parseTeamQuery(q: SearchParams): TeamQuery {
  const sort = one(q.sort);
  const show = one(q.show);
  return {
    team: one(q.team),
    basis: one(q.basis) === 'checkup' ? 'checkup' : 'recent',
    sort: (sortKeys as readonly string[]).includes(sort) ? (sort as SortKey) : 'name',
    dir: one(q.dir) === 'desc' ? 'desc' : 'asc',
    search: one(q.q).trim().slice(0, 100),
    show: show === 'overdue' || show === 'onboarding' ? show : 'all',
  };
}

export interface TeamSummary {
  onboarded: number;
  overdueLearners: number;
  /** The module that teaches the team's weakest skill, for a link beside it. */
  weakModule: { id: string; title: string } | null;
  /** Check-up runs in which someone has finished a scenario, oldest first: the trend chart's points. */
  finishedRuns: RunSummary[];
}

export type TeamPage =
  | { kind: 'no-team' }
  | { kind: 'not-found' }
  | {
      kind: 'team';
      teams: { id: string; name: string }[];
      team: { id: string; name: string };
      query: TeamQuery;
      overview: TeamOverview;
      /** The members the filters keep, in the asked order. */
      visible: MemberRow[];
      played: Map<string, ScenarioCount>;
      summary: TeamSummary;
    };

/** Everything /team shows. Only a team from the viewer's own list can be opened: that list is the access check. */
export async function teamPage(db: Db, viewer: SessionUser, query: TeamQuery, now = new Date()): Promise<TeamPage> {
  const teams = await teamsVisibleTo(db, viewer);
  if (teams.length === 0) return { kind: 'no-team' };
  const team = query.team ? teams.find((t) => t.id === query.team) : teams[0];
  if (!team) return { kind: 'not-found' };
  const path = onboardingPath();
  const [overview, played] = await Promise.all([teamOverview(db, team.id, path, query.basis, now), teamScenarioCounts(db, team.id)]);
  if (!overview) return { kind: 'not-found' };
  const needle = query.search.toLowerCase();
  const visible = sortMembers(
    overview.members.filter(
      (m) =>
        (!needle || `${m.name} ${m.email}`.toLowerCase().includes(needle)) &&
        (query.show !== 'overdue' || m.overdue > 0) &&
        (query.show !== 'onboarding' || m.onboardingDone < overview.pathLength),
    ),
    query.sort,
    query.dir,
  );
  const weak = overview.weakest ? getCourse().modules.find((m) => m.skill === overview.weakest) : undefined;
  const summary: TeamSummary = {
    onboarded: overview.members.filter((m) => m.onboardingDone >= overview.pathLength).length,
    overdueLearners: overview.members.filter((m) => m.overdue > 0).length,
    weakModule: weak ? { id: weak.id, title: weak.title } : null,
    finishedRuns: overview.runs.filter((r) => r.average !== null),
  };
  return { kind: 'team', teams, team, query, overview, visible, played, summary };
}

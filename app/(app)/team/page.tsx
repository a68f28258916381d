// Team overview: members × skills heatmap (last 90 days or latest check-up), onboarding, activity, overdue check-ups and the team's trend.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/runtime';
import { requirePageUser } from '@/lib/auth/guards';
import { getCourse } from '@/lib/content/course';
import { skillIds, skills } from '@/lib/content/curriculum';
import { onboardingPath } from '@/lib/content/onboarding';
import { teamScenarioCounts } from '@/lib/reports/choices';
import { sortKeys, sortMembers, teamOverview, type HeatmapBasis, type SortKey } from '@/lib/reports/team';
import { teamsVisibleTo } from '@/lib/teams';
import { day } from '../checkups/format';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { TrendCharts } from '@/app/_components/charts/TrendChart';
import { HeatCell, HeatLegend, shortSkill } from './heat';

export const metadata: Metadata = { title: 'Team' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

function ago(d: Date | null, now: Date): string {
  if (!d) return 'Never';
  const days = Math.floor((now.getTime() - d.getTime()) / 86_400_000);
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days < 60) return `${days} days ago`;
  return day(d);
}

export default async function TeamPage({ searchParams }: Props) {
  const user = await requirePageUser('/team', ['manager', 'admin']);
  const db = await getDb();
  const teams = await teamsVisibleTo(db, user);
  const q = await searchParams;
  if (teams.length === 0) {
    return (
      <section className="stack">
        <h1>Your team</h1>
        <p className="card">You don’t manage a team yet. An admin can add you as a team’s manager.</p>
      </section>
    );
  }
  // Only a team from the viewer's own list can be opened: that list is the access check.
  const asked = one(q.team);
  const team = asked ? teams.find((t) => t.id === asked) : teams[0];
  if (!team) notFound();
  const basis: HeatmapBasis = one(q.basis) === 'checkup' ? 'checkup' : 'recent';
  const sort: SortKey = (sortKeys as readonly string[]).includes(one(q.sort)) ? (one(q.sort) as SortKey) : 'name';
  const dir = one(q.dir) === 'desc' ? 'desc' : 'asc';
  const search = one(q.q).trim().slice(0, 100);
  const show = ['overdue', 'onboarding'].includes(one(q.show)) ? one(q.show) : 'all';
  const now = new Date();
  const path = onboardingPath();
  const [overview, played] = await Promise.all([teamOverview(db, team.id, path, basis, now), teamScenarioCounts(db, team.id)]);
  const o = overview!;
  const course = getCourse();
  const catalogue = scenarioCatalogue();

  const visible = sortMembers(
    o.members.filter(
      (m) =>
        (!search || `${m.name} ${m.email}`.toLowerCase().includes(search.toLowerCase())) &&
        (show !== 'overdue' || m.overdue > 0) &&
        (show !== 'onboarding' || m.onboardingDone < o.pathLength),
    ),
    sort,
    dir,
  );
  const href = (change: Record<string, string>) => {
    const params = new URLSearchParams({ team: team.id, basis, sort, dir, ...(search ? { q: search } : {}), ...(show !== 'all' ? { show } : {}), ...change });
    return `/team?${params}`;
  };
  const sortHeader = (key: SortKey, label: string, title?: string) => {
    const active = sort === key;
    const next = active && dir === 'asc' ? 'desc' : 'asc';
    return (
      <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined} title={title}>
        <Link href={href({ sort: key, dir: next })} className="sort-link">
          {label}
          <span aria-hidden="true">{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
          {active && <span className="visually-hidden">, sorted {dir === 'asc' ? 'ascending' : 'descending'}</span>}
        </Link>
      </th>
    );
  };
  const onboarded = o.members.filter((m) => m.onboardingDone >= o.pathLength).length;
  const overdueLearners = o.members.filter((m) => m.overdue > 0).length;
  const weakModule = o.weakest ? course.modules.find((m) => m.skill === o.weakest) : undefined;
  const finishedRuns = o.runs.filter((r) => r.average !== null);

  return (
    <section className="stack team-page">
      <div className="page-head">
        <h1>{team.name}</h1>
        <p className="page-actions">
          <Link className="button button-quiet" href={`/team/checkups?team=${team.id}`}>
            Check-up plans
          </Link>
          <a className="button button-quiet" href={`/api/teams/${team.id}/export?kind=skills`} download>
            Skills CSV
          </a>
          <a className="button button-quiet" href={`/api/teams/${team.id}/export?kind=attempts`} download>
            Attempts CSV
          </a>
        </p>
      </div>
      {teams.length > 6 && (
        <form className="filter-bar" method="get" action="/team" aria-label="Choose a team">
          <input type="hidden" name="basis" value={basis} />
          <label>
            Team
            <select name="team" defaultValue={team.id}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button-quiet">
            Open
          </button>
        </form>
      )}
      {teams.length > 1 && teams.length <= 6 && (
        <nav aria-label="Teams" className="pill-nav">
          {teams.map((t) => (
            <Link key={t.id} href={`/team?team=${t.id}&basis=${basis}`} aria-current={t.id === team.id ? 'page' : undefined}>
              {t.name}
            </Link>
          ))}
        </nav>
      )}

      <div className="summary-grid">
        <div className="card summary">
          <p className="summary-figure">{o.members.length}</p>
          <p className="summary-label">learners</p>
        </div>
        <div className="card summary">
          <p className="summary-figure">
            {onboarded}
            <span className="muted"> / {o.members.length}</span>
          </p>
          <p className="summary-label">finished onboarding</p>
        </div>
        <div className="card summary">
          <p className="summary-figure">{overdueLearners}</p>
          <p className="summary-label">with overdue check-ups</p>
        </div>
        <div className="card summary">
          <p className="summary-figure">{o.weakest ? shortSkill[o.weakest] : '—'}</p>
          <p className="summary-label">
            {o.weakest ? (
              <>
                weakest skill, team average {o.teamProfile[o.weakest].score}
                {weakModule && (
                  <>
                    {' '}
                    · <Link href={`/learn/${weakModule.id}`}>module</Link>
                  </>
                )}
              </>
            ) : (
              'weakest skill (no scores yet)'
            )}
          </p>
        </div>
      </div>

      <h2 id="heatmap-title">Skills by learner</h2>
      <nav aria-label="Heatmap basis" className="pill-nav">
        <Link href={href({ basis: 'recent' })} aria-current={basis === 'recent' ? 'page' : undefined}>
          Last 90 days
        </Link>
        <Link href={href({ basis: 'checkup' })} aria-current={basis === 'checkup' ? 'page' : undefined}>
          Latest check-up{o.latestRun ? ` (${day(o.latestRun.startsAt)})` : ''}
        </Link>
      </nav>
      <form className="filter-bar" method="get" action="/team" role="search" aria-label="Filter learners">
        <input type="hidden" name="team" value={team.id} />
        <input type="hidden" name="basis" value={basis} />
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <label>
          Name or email
          <input type="search" name="q" defaultValue={search} />
        </label>
        <label>
          Show
          <select name="show" defaultValue={show}>
            <option value="all">Everyone</option>
            <option value="overdue">Overdue check-ups</option>
            <option value="onboarding">Still onboarding</option>
          </select>
        </label>
        <button type="submit" className="button button-quiet">
          Apply
        </button>
      </form>
      <p className="muted" role="status">
        {basis === 'checkup'
          ? o.latestRun
            ? `Scores from the check-up that started ${day(o.latestRun.startsAt)}: ${o.latestRun.completed} of ${o.latestRun.assigned} scenarios done.`
            : 'No check-up has run for this team yet, so there are no check-up scores.'
          : 'Scores from every reply in the last 90 days.'}{' '}
        Showing {visible.length} of {o.members.length} learners.
      </p>
      <HeatLegend />
      <div className="table-wrap heatmap-wrap">
        <table className="heatmap" aria-labelledby="heatmap-title">
          <thead>
            <tr>
              {sortHeader('name', 'Learner')}
              {skillIds.map((k) => sortHeader(k, shortSkill[k], skills[k].label))}
              {sortHeader('onboarding', 'Onboarding')}
              {sortHeader('activity', 'Last active')}
              {sortHeader('overdue', 'Overdue')}
            </tr>
          </thead>
          <tbody>
            {visible.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link href={`/team/learners/${m.id}`}>{m.name}</Link>
                </th>
                {skillIds.map((k) => (
                  <HeatCell key={k} score={m.profile[k].score} decisions={m.profile[k].decisions} />
                ))}
                <td>
                  {m.onboardingDone}/{o.pathLength}
                </td>
                <td className="nowrap">{ago(m.lastActivity, now)}</td>
                <td>{m.overdue > 0 ? <span className="status-pill status-overdue">{m.overdue}<span className="visually-hidden"> overdue</span></span> : '—'}</td>
              </tr>
            ))}
            {visible.length === 0 && (
              <tr>
                <td colSpan={4 + skillIds.length}>{o.members.length === 0 ? 'No learners on this team yet.' : 'No learner matches this filter.'}</td>
              </tr>
            )}
          </tbody>
          {o.members.length > 0 && (
            <tfoot>
              <tr>
                <th scope="row">Team average</th>
                {skillIds.map((k) => (
                  <HeatCell key={k} score={o.teamProfile[k].score} decisions={o.teamProfile[k].decisions} />
                ))}
                <td colSpan={3} />
              </tr>
            </tfoot>
          )}
        </table>
      </div>

      <h2>Check-up trend</h2>
      {finishedRuns.length > 0 ? (
        <TrendCharts
          title="Team average check-up score by run"
          xLabel="Check-up start"
          series={[{ label: 'Team average score', points: finishedRuns.map((r) => ({ x: day(r.startsAt), y: r.average! })) }]}
        />
      ) : (
        <p className="card">
          The team average appears here after the first check-up results come in. <Link href={`/team/checkups?team=${team.id}`}>Plan a check-up</Link>.
        </p>
      )}

      <h2>Where the team goes wrong</h2>
      <p className="muted">For each role-play, how often each reply was chosen at each point of the conversation.</p>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">Role-plays the team has played</caption>
          <thead>
            <tr>
              <th scope="col">Role-play</th>
              <th scope="col">Attempts</th>
              <th scope="col">Finished</th>
              <th scope="col">Average score</th>
            </tr>
          </thead>
          <tbody>
            {[...catalogue.values()].map(({ scenario }) => {
              const c = played.get(scenario.id);
              return (
                <tr key={scenario.id}>
                  <td data-label="Role-play">
                    {c ? <Link href={`/team/scenarios/${scenario.id}?team=${team.id}`}>{scenario.title}</Link> : scenario.title}
                  </td>
                  <td data-label="Attempts">{c?.attempts ?? 0}</td>
                  <td data-label="Finished">{c?.finished ?? 0}</td>
                  <td data-label="Average score">{c?.averageScore ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

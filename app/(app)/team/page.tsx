// Team overview: members × skills heatmap (last 90 days or latest check-up), onboarding, activity, overdue check-ups and the team's trend.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/guards';
import { skillIds, skills } from '@/lib/curriculum';
import { ago, day } from '@/lib/format';
import type { SortKey } from '@/lib/reports/team';
import { parseTeamQuery, teamPage } from '@/lib/reports/team-page';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { TrendCharts } from '@/app/_components/charts/TrendChart';
import { Table, type Column } from '@/app/_components/Table';
import { HeatCell, HeatLegend, shortSkill } from './heat';
import { TeamOptions } from '@/app/_components/TeamOptions';

export const metadata: Metadata = { title: 'Team' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TeamPage({ searchParams }: Props) {
  const { user, db } = await requirePageUser('/team', ['manager', 'admin']);
  const query = parseTeamQuery(await searchParams);
  const now = new Date();
  const page = await teamPage(db, user, query, now);
  if (page.kind === 'no-team') {
    return (
      <section className="stack">
        <h1>Your team</h1>
        <p className="card">You don’t manage a team yet. An admin can add you as a team’s manager.</p>
      </section>
    );
  }
  if (page.kind === 'not-found') notFound();
  const { teams, team, overview: o, visible, played, summary } = page;
  const { basis, sort, dir, search, show } = query;
  const { onboarded, overdueLearners, weakModule, finishedRuns } = summary;
  const catalogue = scenarioCatalogue();

  const href = (change: Record<string, string>) => {
    const params = new URLSearchParams({ team: team.id, basis, sort, dir, ...(search ? { q: search } : {}), ...(show !== 'all' ? { show } : {}), ...change });
    return `/team?${params}`;
  };
  const sortColumn = (key: SortKey, label: string, title?: string): Column => ({
    label,
    title,
    sort: { href: href({ sort: key, dir: sort === key && dir === 'asc' ? 'desc' : 'asc' }), active: sort === key ? dir : undefined },
  });

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
              <TeamOptions teams={teams} />
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
      <Table
        labelledBy="heatmap-title"
        phone="scroll"
        className="heatmap"
        wrapClassName="heatmap-wrap"
        columns={[
          sortColumn('name', 'Learner'),
          ...skillIds.map((k) => sortColumn(k, shortSkill[k], skills[k].label)),
          sortColumn('onboarding', 'Onboarding'),
          sortColumn('activity', 'Last active'),
          sortColumn('overdue', 'Overdue'),
        ]}
        rows={visible}
        empty={o.members.length === 0 ? 'No learners on this team yet.' : 'No learner matches this filter.'}
        row={(m) => (
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
        )}
        foot={
          <tr>
            <th scope="row">Team average</th>
            {skillIds.map((k) => (
              <HeatCell key={k} score={o.teamProfile[k].score} decisions={o.teamProfile[k].decisions} />
            ))}
            <td colSpan={3} />
          </tr>
        }
      />

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
      <Table
        caption="Role-plays the team has played"
        columns={['Role-play', 'Attempts', 'Finished', 'Average score']}
        rows={[...catalogue.values()]}
        empty="The course has no role-plays yet."
        row={({ scenario }) => {
          const c = played.get(scenario.id);
          return (
            <tr key={scenario.id}>
              <td data-label="Role-play">{c ? <Link href={`/team/scenarios/${scenario.id}?team=${team.id}`}>{scenario.title}</Link> : scenario.title}</td>
              <td data-label="Attempts">{c?.attempts ?? 0}</td>
              <td data-label="Finished">{c?.finished ?? 0}</td>
              <td data-label="Average score">{c?.averageScore ?? '—'}</td>
            </tr>
          );
        }}
      />
    </section>
  );
}

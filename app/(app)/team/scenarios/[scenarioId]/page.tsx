// Choice analytics: at each point of one role-play, how often the team picked each reply and how those attempts ended.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/guards';
import { choiceRows, nodeStats } from '@/lib/reports/choices';
import { teamsVisibleTo } from '@/lib/auth/teams';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { percent } from '@/lib/format';
import { Table } from '@/app/_components/Table';

export const metadata: Metadata = { title: 'Choices' };

type Props = { params: Promise<{ scenarioId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ScenarioChoicesPage({ params, searchParams }: Props) {
  const { scenarioId } = await params;
  const { user, db } = await requirePageUser(`/team/scenarios/${scenarioId}`, ['manager', 'admin']);
  const loaded = scenarioCatalogue().get(scenarioId);
  if (!loaded) notFound();
  const teams = await teamsVisibleTo(db, user);
  const teamParam = (await searchParams).team;
  const asked = Array.isArray(teamParam) ? teamParam[0] : teamParam;
  // Only a team from the viewer's own list can be opened; any other id is reported as not found.
  const team = asked ? teams.find((t) => t.id === asked) : teams[0];
  if (!team) notFound();
  const stats = nodeStats(loaded.scenario, await choiceRows(db, team.id, scenarioId));
  const played = stats.some((n) => n.picks > 0);

  return (
    <section className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/team?team=${team.id}`}>{team.name}</Link> <span aria-hidden="true">›</span> <span>Choices</span>
      </nav>
      <h1>{loaded.scenario.title}</h1>
      <p className="lead">
        How {team.name} answered {loaded.persona.name} at each point. The best reply is marked; a point where most people chose something else is flagged.
      </p>
      {!played && <p className="card">Nobody on this team has played this role-play yet.</p>}
      {stats
        .filter((n) => n.picks > 0)
        .map((n, i) => {
          const best = Math.max(...n.choices.map((c) => c.merit));
          return (
            <div key={n.nodeId} className="card">
              <h2 className="card-title">
                {loaded.persona.name}: “{n.customer}”
              </h2>
              {n.goesWrong && <p className="status-pill status-overdue">Most of the team chose a weaker reply here</p>}
              <Table
                caption={`Replies chosen at point ${i + 1}, ${n.picks} in all`}
                columns={['Reply', 'Chosen', 'Average final score', 'Ended well']}
                rows={[...n.choices].sort((a, b) => b.picks - a.picks)}
                empty="No replies here."
                className="choice-table"
                row={(c) => (
                  <tr key={c.id}>
                    <td data-label="Reply">
                      {c.merit === best && <strong className="best-mark">Best reply: </strong>}
                      {c.say}
                    </td>
                    <td data-label="Chosen">
                      <span className="share-bar" aria-hidden="true">
                        <span style={{ width: percent(c.share) }} />
                      </span>
                      {c.picks} ({percent(c.share)})
                      {c.typed > 0 && <span className="muted"> · {c.typed} in their own words</span>}
                    </td>
                    <td data-label="Average final score">{c.averageScore ?? '—'}</td>
                    <td data-label="Ended well">{c.successRate === null ? '—' : percent(c.successRate)}</td>
                  </tr>
                )}
              />
            </div>
          );
        })}
    </section>
  );
}

// Team check-ups for managers and admins: each team's plans with their cadence, a form to plan one, and every run's completion and results.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/guards';
import { listPlans, maybeRunDueCheckups, type PlanSummary } from '@/lib/checkups/plans';
import { teamCheckupResults, type TeamRun } from '@/lib/checkups/results';
import { teamsFor } from '@/lib/auth/teams';
import { cadence, changeFrom, day } from '@/lib/format';
import { Table } from '@/app/_components/Table';
import { CreatePlanForm, StopPlanButton } from './PlanForms';
import styles from './team-checkups.module.css';

export const metadata: Metadata = { title: 'Team check-ups' };

function PlansTable({ plans, teamName }: { plans: PlanSummary[]; teamName: string }) {
  return (
    <Table
      caption={`Check-up plans for ${teamName}`}
      columns={['Plan', 'Scenarios', 'Days to complete', 'Repeats', 'Next run', 'Runs so far', { label: 'Actions', hidden: true }]}
      rows={plans}
      empty={`No check-ups planned for ${teamName} yet.`}
      row={(p) => (
        <tr key={p.id}>
          <td data-label="Plan">{p.name}</td>
          <td data-label="Scenarios">{p.scenarioCount}</td>
          <td data-label="Days to complete">{p.daysToComplete}</td>
          <td data-label="Repeats">{cadence(p.recurDays)}</td>
          <td data-label="Next run">{!p.active ? 'Stopped' : p.nextRunAt ? day(p.nextRunAt) : 'None (one-off, done)'}</td>
          <td data-label="Runs so far">{p.runs}</td>
          <td data-label="" className={styles.actionCell}>
            {p.active && p.nextRunAt ? <StopPlanButton planId={p.id} planName={p.name} /> : null}
          </td>
        </tr>
      )}
    />
  );
}

function RunCard({ run, now, teamName }: { run: TeamRun; now: Date; teamName: string }) {
  const learners = run.learners.length;
  const open = run.assignmentsDone < run.assignmentsTotal;
  return (
    <details className={styles.run}>
      <summary>
        <span className={styles.runName}>
          {run.planName} · check-up {run.runNo}
        </span>
        <span className={styles.runFacts}>
          <span>
            {day(run.startsAt)} to {day(run.dueAt)}
            {open && run.dueAt < now ? ' (past due)' : ''}
          </span>
          <span>
            {run.learnersDone} of {learners} learners done
          </span>
          {run.learnersOverdue > 0 && <span className={`status-pill ${styles.overdue}`}>{run.learnersOverdue} {run.learnersOverdue === 1 ? 'learner' : 'learners'} overdue</span>}
          {run.overall !== null && <span>Team average {run.overall}</span>}
        </span>
      </summary>
      <Table
        caption={`Learners of ${teamName} in ${run.planName}, check-up ${run.runNo}`}
        columns={['Learner', 'Done', 'Score', 'Since last check-up']}
        rows={run.learners}
        empty="No learners in this check-up."
        phone="scroll"
        className={styles.learners}
        row={(l) => (
          <tr key={l.userId}>
            <th scope="row">{l.name}</th>
            <td>
              {l.completed} of {l.total}
              {l.overdue > 0 && <span className={`status-pill ${styles.overdue}`}>{l.overdue} overdue</span>}
            </td>
            <td>{l.overall ?? '—'}</td>
            <td>{changeFrom(l.overall, l.previous?.overall)}</td>
          </tr>
        )}
      />
    </details>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TeamCheckupsPage({ searchParams }: Props) {
  const { user, db } = await requirePageUser('/team/checkups', ['manager', 'admin']);
  await maybeRunDueCheckups(db).catch((e: unknown) => console.error('Check-ups: could not create due runs.', e));
  const now = new Date();
  const mine = await teamsFor(db, user);
  // ?team= narrows the page to one team; a team that is not the viewer's is not found, like an unknown one.
  const only = (await searchParams).team;
  const teams = typeof only === 'string' ? mine.filter((t) => t.id === only) : mine;
  if (typeof only === 'string' && teams.length === 0) notFound();
  const [plans, runs] = await Promise.all([
    listPlans(db, teams.map((t) => t.id)),
    Promise.all(teams.map((t) => teamCheckupResults(db, t.id, now, 6))),
  ]);

  return (
    <section className="stack">
      <h1>Team check-ups</h1>
      <p className="lead">
        A check-up gives every learner a few scenarios aimed at their weakest skills, scored only at the end. Plan one to recur and each run is
        created on its date; learners see what is due on their Check-ups page.
      </p>
      {teams.length < mine.length && (
        <p>
          <Link href="/team/checkups">Check-ups of all your teams</Link>
        </p>
      )}
      {teams.length === 0 && <p className="card">{user.role === 'admin' ? 'There are no teams yet.' : 'You do not manage a team yet.'}</p>}
      {teams.map((team, i) => {
        const learners = team.members.filter((m) => m.active).length;
        return (
          <section key={team.id} className={`card ${styles.team}`} aria-labelledby={`team-${team.id}`}>
            <h2 id={`team-${team.id}`}>
              {team.name} <span className="muted">· {team.members.length} members</span>
            </h2>
            <h3>Plans</h3>
            <PlansTable plans={plans.filter((p) => p.teamId === team.id)} teamName={team.name} />
            <h3>Runs</h3>
            {runs[i]!.length === 0 ? (
              <p className="muted">No runs yet.</p>
            ) : (
              <div className={styles.runs}>
                {runs[i]!.map((r) => (
                  <RunCard key={r.runId} run={r} now={now} teamName={team.name} />
                ))}
              </div>
            )}
            <CreatePlanForm teamId={team.id} teamName={team.name} learners={learners} />
          </section>
        );
      })}
    </section>
  );
}

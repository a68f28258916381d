// Check-ups: the learner's assigned scenarios by run, overdue ones flagged, and each run's result beside the previous one.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/guards';
import { maybeRunDueCheckups } from '@/lib/checkups/plans';
import { learnerCheckups, type AssignmentView, type LearnerRun } from '@/lib/checkups/results';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { day } from '@/lib/format';
import { Table } from '@/app/_components/Table';
import { RunResultView } from './RunResult';
import styles from './checkups.module.css';

export const metadata: Metadata = { title: 'Check-ups' };

function Status({ item }: { item: AssignmentView }) {
  if (item.completedAt) return <span className={`status-pill ${styles.done}`}>Done{item.score !== null ? `: ${item.score} / 100` : ''}</span>;
  if (item.overdue) return <span className={`status-pill ${styles.overdue}`}>Overdue</span>;
  if (item.attemptId) return <span className={`status-pill ${styles.started}`}>In progress</span>;
  return <span className={`status-pill ${styles.todo}`}>To do</span>;
}

function Action({ item, title }: { item: AssignmentView; title: string }) {
  if (item.completedAt) {
    return item.completedAttemptId ? (
      <Link href={`/practice/${item.scenarioId}?attempt=${item.completedAttemptId}&mode=checkup`}>
        Debrief<span className="visually-hidden"> for {title}</span>
      </Link>
    ) : null;
  }
  const href = item.attemptId
    ? `/practice/${item.scenarioId}?attempt=${item.attemptId}&mode=checkup`
    : `/practice/${item.scenarioId}?assignment=${item.assignmentId}`;
  return (
    <Link className={`button button-primary ${styles.action}`} href={href}>
      {item.attemptId ? 'Continue' : 'Start'}
      <span className="visually-hidden"> {title}</span>
    </Link>
  );
}

function Run({ run, titles }: { run: LearnerRun; titles: Map<string, string> }) {
  const headingId = `run-${run.runId}`;
  const open = run.items.filter((i) => !i.completedAt);
  const overdue = open.filter((i) => i.overdue).length;
  return (
    <section className={`card ${styles.run}`} aria-labelledby={headingId}>
      <div className={styles.runHead}>
        <h2 id={headingId} className="card-title">
          {run.planName} <span className="muted">· check-up {run.runNo}</span>
        </h2>
        <p className="muted">
          {run.teamName} · started {day(run.startsAt)} · due {day(run.dueAt)} · {run.result.completed} of {run.result.total} done
        </p>
      </div>
      {overdue > 0 && (
        <p className={`alert alert-warn ${styles.notice}`}>
          <strong>Overdue:</strong> {overdue === 1 ? 'one scenario was' : `${overdue} scenarios were`} due on {day(run.dueAt)}. Your manager can see this too.
        </p>
      )}
      <Table
        caption={`Scenarios in ${run.planName}, check-up ${run.runNo}`}
        columns={['Scenario', 'Due', 'Status', { label: 'Action', hidden: true }]}
        rows={run.items}
        empty="No scenarios in this check-up."
        className={styles.items}
        row={(item) => {
          const title = titles.get(item.scenarioId) ?? item.scenarioId;
          return (
            <tr key={item.assignmentId}>
              <td data-label="Scenario">{title}</td>
              <td data-label="Due">{day(item.dueAt)}</td>
              <td data-label="Status">
                <Status item={item} />
              </td>
              <td data-label="" className={styles.actionCell}>
                <Action item={item} title={title} />
              </td>
            </tr>
          );
        }}
      />
      {run.result.completed > 0 && (
        <>
          <h3 className={styles.resultTitle}>{open.length ? 'Your result so far' : 'Your result'}</h3>
          <RunResultView result={run.result} previous={run.previous} caption={`Skill scores in ${run.planName}, check-up ${run.runNo}, beside your previous check-up`} />
        </>
      )}
    </section>
  );
}

export default async function CheckupsPage() {
  const { user, db } = await requirePageUser('/checkups');
  // Waits for a due-run check already under way, so a run created by this very page load shows.
  await maybeRunDueCheckups(db).catch((e: unknown) => console.error('Check-ups: could not create due runs.', e));
  const { open, runs } = await learnerCheckups(db, user.id);
  const titles = new Map([...scenarioCatalogue().values()].map((s) => [s.scenario.id, s.scenario.title]));
  // Runs with work to do come first, soonest due first; finished runs follow, newest first.
  const firstOpenDue = (r: LearnerRun) => Math.min(...r.items.filter((i) => !i.completedAt).map((i) => i.dueAt.getTime()));
  const active = runs.filter((r) => r.result.completed < r.result.total).sort((a, b) => firstOpenDue(a) - firstOpenDue(b));
  const finished = runs.filter((r) => r.result.completed === r.result.total);
  const overdue = open.filter((o) => o.overdue).length;

  return (
    <section className="stack">
      <h1>Check-ups</h1>
      <p className="lead">
        Every few months your team checks in on its skills. Check-ups are scored at the end, with no hints along the way; the scenarios are chosen
        for the skills you most want to grow.
      </p>
      {(user.role === 'manager' || user.role === 'admin') && (
        <p>
          <Link href="/team/checkups">Plan your teams’ check-ups and see their results</Link>
        </p>
      )}
      {runs.length === 0 ? (
        <p className="card">No check-ups assigned to you yet. When your team starts one, its scenarios appear here with their due date.</p>
      ) : (
        <>
          <p className={overdue ? 'alert alert-warn' : 'muted'}>
            {open.length === 0
              ? 'You are up to date: every assigned scenario is done.'
              : `${open.length} ${open.length === 1 ? 'scenario' : 'scenarios'} to do${overdue ? `, ${overdue} overdue` : ''}.`}
          </p>
          {active.map((r) => (
            <Run key={r.runId} run={r} titles={titles} />
          ))}
          {finished.length > 0 && active.length > 0 && <h2>Finished check-ups</h2>}
          {finished.map((r) => (
            <Run key={r.runId} run={r} titles={titles} />
          ))}
        </>
      )}
    </section>
  );
}

// My progress: modules completed with knowledge-check results, each skill's trend, and every role-play attempt with its debrief.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/runtime';
import { requirePageUser } from '@/lib/auth/guards';
import { getCourse } from '@/lib/content/course';
import { skills as skillInfo, skillIds } from '@/lib/content/curriculum';
import { learnerRecord } from '@/lib/reports/learner';
import { skillTrends } from '@/lib/reports/skills';
import { TrendCharts } from '@/app/_components/charts/TrendChart';
import { scenarioCatalogue } from '@/lib/scenario/course';

export const metadata: Metadata = { title: 'My progress' };

const outcomeLabel: Record<string, string> = { success: 'Success', partial: 'Partly resolved', failure: 'Went wrong' };
const date = (d: Date) => d.toISOString().slice(0, 10);
const weekLabel = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export default async function ProgressPage() {
  const user = await requirePageUser('/progress');
  const db = await getDb();
  const [{ modules, attempts }, trends] = await Promise.all([learnerRecord(db, user.id), skillTrends(db, user.id)]);
  const anyTrend = skillIds.some((k) => trends[k].length > 0);
  const course = getCourse();
  const catalogue = scenarioCatalogue();
  const byModule = new Map(modules.map((m) => [m.moduleId, m]));
  const completed = course.modules.filter((m) => byModule.get(m.id)?.status === 'completed').length;

  return (
    <section className="stack">
      <h1>My progress</h1>
      <p className="lead">Everything you have read and practised. Your reflection notes stay private to you.</p>

      <h2>Modules: {completed} of {course.modules.length} completed</h2>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">Modules and knowledge-check results</caption>
          <thead>
            <tr>
              <th scope="col">Module</th>
              <th scope="col">Status</th>
              <th scope="col">Knowledge check</th>
            </tr>
          </thead>
          <tbody>
            {course.modules.map((m) => {
              const r = byModule.get(m.id);
              return (
                <tr key={m.id}>
                  <td data-label="Module">
                    <Link href={`/learn/${m.id}`}>{m.title}</Link>
                  </td>
                  <td data-label="Status">{r ? (r.status === 'completed' ? `Completed ${r.completedAt ? date(r.completedAt) : ''}` : 'In progress') : 'Not started'}</td>
                  <td data-label="Knowledge check">
                    {r && r.answered > 0 ? `${r.correct} of ${m.checks.length} right (${r.answered} answered)` : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2>Skills over time</h2>
      {anyTrend ? (
        <>
          <p className="muted">Each skill from 0 to 100, week by week, from the replies you chose that week.</p>
          <TrendCharts
            title="Your skill scores by week"
            xLabel="Week starting"
            series={skillIds.map((k) => ({ label: skillInfo[k].label, points: trends[k].map((p) => ({ x: weekLabel(p.week), y: p.score })) }))}
          />
        </>
      ) : (
        <p className="card">Your skill trends appear once you have made a few role-play decisions.</p>
      )}

      <h2>Role-plays</h2>
      {attempts.length === 0 ? (
        <p className="card">
          No role-plays yet. <Link href="/practice">Pick a conversation to practise</Link>.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table">
            <caption className="visually-hidden">Every attempt, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Mode</th>
                <th scope="col">Date</th>
                <th scope="col">Outcome</th>
                <th scope="col">Score</th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id}>
                  <td data-label="Scenario">{catalogue.get(a.scenarioId)?.scenario.title ?? a.scenarioId}</td>
                  <td data-label="Mode">{a.mode === 'checkup' ? 'Check-up' : 'Practice'}</td>
                  <td data-label="Date">{date(a.startedAt)}</td>
                  <td data-label="Outcome">{a.status === 'completed' ? (outcomeLabel[a.outcome ?? ''] ?? a.outcome) : `In progress (${a.decisions} repl${a.decisions === 1 ? "y" : "ies"})`}</td>
                  <td data-label="Score">{a.score ?? '—'}</td>
                  <td data-label="Open">
                    <Link href={`/practice/${a.scenarioId}?attempt=${a.id}${a.mode === 'checkup' ? '&mode=checkup' : ''}`}>
                      {a.status === 'completed' ? 'Debrief' : 'Continue'}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

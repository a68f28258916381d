// My progress: modules completed with knowledge-check results, each skill's trend, every role-play attempt with its debrief, and a copy of one's data.
import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/guards';
import { getCourse } from '@/lib/content/course';
import { skills as skillInfo, skillIds } from '@/lib/curriculum';
import { learnerRecord } from '@/lib/reports/learner';
import { skillTrends } from '@/lib/skills/profiles';
import { dayMonth } from '@/lib/format';
import { AttemptsTable } from '@/app/_components/AttemptsTable';
import { TrendCharts } from '@/app/_components/charts/TrendChart';
import { ModulesTable } from '@/app/_components/ModulesTable';

export const metadata: Metadata = { title: 'My progress' };

const weekLabel = (isoDay: string) => dayMonth(new Date(`${isoDay}T00:00:00Z`));

export default async function ProgressPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, db } = await requirePageUser('/progress');
  const showAll = (await searchParams).all === '1';
  const [{ modules, attempts }, trends] = await Promise.all([learnerRecord(db, user.id), skillTrends(db, user.id)]);
  const anyTrend = skillIds.some((k) => trends[k].length > 0);
  const course = getCourse();
  const byModule = new Map(modules.map((m) => [m.moduleId, m]));
  const completed = course.modules.filter((m) => byModule.get(m.id)?.status === 'completed').length;

  return (
    <section className="stack">
      <h1>My progress</h1>
      <p className="lead">Everything you have read and practised. Your reflection notes stay private to you.</p>

      <h2>Modules: {completed} of {course.modules.length} completed</h2>
      <ModulesTable records={modules} linkTitles checkResult={(r, checks) => `${r.correct} of ${checks} right (${r.answered} answered)`} />

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
      <AttemptsTable attempts={attempts} all={showAll} allHref="/progress?all=1" />

      <h2>Your data</h2>
      <p>
        <a href="/api/me/data" download>
          Download my data
        </a>{' '}
        (JSON): your account, teams, modules, notes, every role-play with each reply and its score, check-ups, sign-ins and the
        activity log entries about you.
      </p>
    </section>
  );
}

// One learner as their manager sees them: skills, onboarding path, check-ups, attempts with transcripts, knowledge checks. Never their reflections.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { audit } from '@/lib/audit';
import { requirePageLearnerAccess } from '@/lib/auth/guards';
import { skills as skillInfo } from '@/lib/curriculum';
import { onboardingPath } from '@/lib/content/onboarding';
import { pathView } from '@/lib/content/path-view';
import { finishedWork, learnerRecord } from '@/lib/reports/learner';
import { skillProfile, weakestSkill } from '@/lib/skills/profiles';
import { learnerCheckups } from '@/lib/checkups/results';
import { skillIds } from '@/lib/curriculum';
import { isUuid } from '@/lib/ids';
import { findUserById } from '@/lib/auth/users';
import { AttemptsTable } from '@/app/_components/AttemptsTable';
import { SkillBars } from '@/app/_components/charts/SkillBars';
import { PathSteps } from '@/app/_components/PathSteps';
import { ModulesTable } from '@/app/_components/ModulesTable';
import { Table } from '@/app/_components/Table';
import { change, day } from '@/lib/format';

export const metadata: Metadata = { title: 'Learner' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const since = (now: number | null, before: number | null | undefined) => {
  const c = change(now, before);
  return c === null ? '' : ` (${c})`;
};

export default async function LearnerPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const { user: viewer, db } = await requirePageLearnerAccess(`/team/learners/${id}`, id);
  const learner = await findUserById(db, id);
  if (!learner) notFound();
  // Reads of a person's record are kept, as exports are: who looked at whom, and when.
  await audit(db, { action: 'learner.viewed', actorId: viewer.id, subject: learner.email, detail: { learnerId: id } });
  const [record, done, profile, checkups] = await Promise.all([learnerRecord(db, id), finishedWork(db, id), skillProfile(db, id), learnerCheckups(db, id)]);
  const path = pathView(onboardingPath(), done);
  const weakest = weakestSkill(profile);
  const showAll = (await searchParams).all === '1';

  return (
    <section className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/team">Team</Link> <span aria-hidden="true">›</span> <span>{learner.name}</span>
      </nav>
      <div className="page-head">
        <h1>{learner.name}</h1>
        {!learner.active && <span className="status-pill status-inactive">Deactivated</span>}
      </div>
      <p className="muted">{learner.email}</p>

      <div className="two-col">
        <div className="card">
          <h2 className="card-title">Skill profile</h2>
          {Object.values(profile).some((p) => p.score !== null) ? (
            <>
              <SkillBars title={`${learner.name}: skill profile`} data={Object.entries(profile).map(([k, p]) => ({ label: skillInfo[k as keyof typeof skillInfo].label, score: p.score }))} />
              {weakest && (
                <p className="weakest">
                  Weakest: <strong>{skillInfo[weakest].label}</strong> ({profile[weakest].score}).
                </p>
              )}
            </>
          ) : (
            <p>No scored role-play replies yet.</p>
          )}
        </div>
        <div className="card">
          <h2 className="card-title">{path.title}</h2>
          <p>
            {path.completed} of {path.steps.length} steps done
          </p>
          <PathSteps steps={path.steps} linked={false} />
        </div>
      </div>

      <h2>Check-ups</h2>
      <Table
        caption="Check-ups, newest first, with the change since the one before"
        columns={['Check-up', 'Done', 'Overall', 'Skills (change since the previous check-up)']}
        rows={checkups.runs}
        empty="No check-ups assigned yet."
        row={(r) => {
          const overdue = r.items.filter((i) => i.overdue).length;
          return (
            <tr key={r.runId}>
              <td data-label="Check-up">
                {r.planName}, {day(r.startsAt)}
              </td>
              <td data-label="Done">
                {r.result.completed} of {r.result.total}
                {overdue > 0 && <span className="status-pill status-overdue"> {overdue} overdue</span>}
              </td>
              <td data-label="Overall">
                {r.result.overall ?? '—'}
                {since(r.result.overall, r.previous?.overall)}
              </td>
              <td data-label="Skills">
                {skillIds.filter((k) => r.result.skills[k].score !== null).length === 0
                  ? '—'
                  : skillIds
                      .filter((k) => r.result.skills[k].score !== null)
                      .map((k) => `${skillInfo[k].label} ${r.result.skills[k].score}${since(r.result.skills[k].score, r.previous?.skills[k].score)}`)
                      .join(' · ')}
              </td>
            </tr>
          );
        }}
      />

      <h2>Role-plays</h2>
      <AttemptsTable attempts={record.attempts} reviewing={id} all={showAll} allHref={`/team/learners/${id}?all=1`} />

      <h2>Knowledge checks</h2>
      <ModulesTable records={record.modules} checkResult={(r, checks) => `${r.correct} of ${checks} right first time`} />
      <p className="muted">Reflection notes are private to the learner and are not shown here.</p>
    </section>
  );
}

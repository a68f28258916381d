// Home: the learner's next step on their current learning path (onboarding, then follow-ons), how far along they are, their skill profile, and the areas of the trainer.
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/guards';
import { canAuthor, canManage } from '@/lib/roles';
import { getCourse } from '@/lib/content/course';
import { learningPaths } from '@/lib/content/onboarding';
import { currentPath } from '@/lib/content/path-view';
import { skills as skillInfo } from '@/lib/curriculum';
import { finishedWork } from '@/lib/reports/learner';
import { skillProfile, weakestSkill } from '@/lib/skills/profiles';
import { learnerCheckups } from '@/lib/checkups/results';
import { SkillBars } from '@/app/_components/charts/SkillBars';
import { PathSteps } from '@/app/_components/PathSteps';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { weekdayDay } from '@/lib/format';


const areas = [
  { href: '/learn', title: 'Learn', text: 'Nine short lessons, one empathy skill each, with quick knowledge checks.' },
  { href: '/practice', title: 'Practice', text: 'Role-play with simulated customers whose mood moves with every reply.' },
  { href: '/checkups', title: 'Check-ups', text: 'Scenarios your team assigns every few months, scored at the end.' },
  { href: '/progress', title: 'My progress', text: 'Every module and role-play you have done, with each debrief.' },
];

export default async function HomePage() {
  const { user, db } = await requirePageUser('/');
  const firstName = user.name.split(' ')[0];
  const paths = learningPaths();
  const [done, profile, checkups] = await Promise.all([finishedWork(db, user.id), skillProfile(db, user.id), learnerCheckups(db, user.id)]);
  const { path, finishedBefore } = currentPath(paths, done);
  const weakest = weakestSkill(profile);
  const course = getCourse();
  const scenarios = scenarioCatalogue();
  const weakModule = weakest ? course.modules.find((m) => m.skill === weakest) : undefined;
  // A scenario that practises the weakest skill, preferring one not yet finished.
  const practising = weakest ? [...scenarios.values()].filter((l) => l.scenario.skills.includes(weakest)) : [];
  const weakScenario = practising.find((l) => !done.scenarios.has(l.scenario.id)) ?? practising[0];
  const scored = Object.values(profile).some((p) => p.score !== null);
  const extra = [
    ...(canManage(user.role) ? [{ href: '/team', title: 'Team', text: 'Where each person on your teams stands, skill by skill.' }] : []),
    ...(canAuthor(user.role) ? [{ href: '/studio', title: 'Studio', text: 'Write role-plays about your own products and customers, playtest them and publish.' }] : []),
    ...(user.role === 'admin' ? [{ href: '/admin', title: 'Admin', text: 'People, roles, access and the activity log.' }] : []),
  ];

  return (
    <section className="stack">
      <h1>Welcome, {firstName}</h1>
      {checkups.open.length > 0 && (
        <div className="card">
          <h2 className="card-title">Check-ups to do</h2>
          <ul className="todo-list">
            {checkups.open.map((a) => {
              const title = scenarios.get(a.scenarioId)?.scenario.title ?? a.scenarioId;
              const go = a.attemptId ? `/practice/${a.scenarioId}?attempt=${a.attemptId}&mode=checkup` : `/practice/${a.scenarioId}?assignment=${a.assignmentId}`;
              return (
                <li key={a.assignmentId} className={a.overdue ? 'todo-overdue' : undefined}>
                  <Link href={go}>{title}</Link>{' '}
                  <span className={a.overdue ? 'status-pill status-overdue' : 'muted'}>
                    {a.overdue ? `Overdue: was due ${weekdayDay(a.dueAt)}` : `Due ${weekdayDay(a.dueAt)}`}
                  </span>
                  {a.attemptId && <span className="muted"> · started</span>}
                </li>
              );
            })}
          </ul>
          <p className="muted">
            Check-ups are scored at the end, with no feedback along the way. <Link href="/checkups">All check-ups and results</Link>
          </p>
        </div>
      )}
      <div className="card next-step">
        <h2 className="card-title">{path.title}</h2>
        {finishedBefore.length > 0 && <p className="muted">You have finished {finishedBefore.join(' and ')}. This path goes further.</p>}
        <p>
          {path.completed} of {path.steps.length} steps done
        </p>
        <div className="progress-track" role="progressbar" aria-label={`${path.title} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={path.percent}>
          <div className="progress-fill" style={{ width: `${path.percent}%` }} />
        </div>
        {path.next ? (
          <p className="next-step-action">
            <span className="muted">Next step: {path.next.kind === 'module' ? 'read' : 'practise'}</span>
            <Link className="button button-primary" href={path.next.href}>
              {path.next.title}
            </Link>
          </p>
        ) : (
          <p>You have finished the path. Keep practising the conversations you find hardest.</p>
        )}
        <details className="path-steps">
          <summary>All steps</summary>
          <PathSteps steps={path.steps} linked />
        </details>
      </div>
      <div className="card">
        <h2 className="card-title">Your skill profile</h2>
        {scored ? (
          <>
            <p className="muted">Each skill from 0 to 100, from your latest role-play replies that test it.</p>
            <SkillBars title="Your skill profile" data={Object.entries(profile).map(([k, p]) => ({ label: skillInfo[k as keyof typeof skillInfo].label, score: p.score }))} />
            {weakest && (
              <p className="weakest">
                Your weakest skill right now is <strong>{skillInfo[weakest].label.toLowerCase()}</strong> ({profile[weakest].score}).{' '}
                {weakModule && (
                  <>
                    Read <Link href={`/learn/${weakModule.id}`}>{weakModule.title}</Link>
                  </>
                )}
                {weakModule && weakScenario && ', then practise '}
                {weakScenario && <Link href={`/practice/${weakScenario.scenario.id}`}>{weakScenario.scenario.title}</Link>}.
              </p>
            )}
          </>
        ) : (
          <p>
            Your profile appears after your first role-play: every reply you choose is scored on the skills it tests.{' '}
            <Link href="/practice">Start a role-play</Link>.
          </p>
        )}
      </div>
      <div className="grid">
        {[...areas, ...extra].map((a) => (
          <Link key={a.href} href={a.href} className="card tile">
            <h2>{a.title}</h2>
            <p>{a.text}</p>
          </Link>
        ))}
      </div>
    </section>
  );
}

// Learn: the course modules in order, each with its skill, length, summary and the learner's status.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/guards';
import { getCourse } from '@/lib/content/course';
import { skills } from '@/lib/curriculum';
import { courseStatus, type ModuleStatus } from '@/lib/progress/modules';

export const metadata: Metadata = { title: 'Learn' };

const statusLabel: Record<ModuleStatus, string> = { not_started: 'Not started', in_progress: 'In progress', completed: 'Completed' };

export default async function LearnPage() {
  const { user, db } = await requirePageUser('/learn');
  const { modules } = getCourse();
  const status = await courseStatus(db, user.id);
  const done = modules.filter((m) => status.get(m.id) === 'completed').length;
  const nextUp = modules.find((m) => status.get(m.id) !== 'completed');
  const pct = modules.length ? Math.round((done / modules.length) * 100) : 0;

  return (
    <section className="stack">
      <h1>Learn</h1>
      <p className="lead">Nine short lessons, one skill each. Read a module, answer its questions, then practise the skill.</p>
      <div className="card course-progress">
        <div className="course-progress-text">
          <strong>
            {done} of {modules.length} modules completed
          </strong>
          {nextUp && (
            <Link href={`/learn/${nextUp.id}`} className="button button-primary course-continue">
              {done === 0 && status.size === 0 ? 'Start' : 'Continue'}: {nextUp.title}
            </Link>
          )}
        </div>
        <div className="progress-track" role="progressbar" aria-label="Course progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div className="progress-fill" style={{ width: `${pct}%` }} />
        </div>
      </div>
      <ol className="module-list">
        {modules.map((m) => {
          const s = status.get(m.id) ?? 'not_started';
          return (
            <li key={m.id} className="card module-item" data-status={s}>
              <span className="module-number" aria-hidden="true">
                {m.order}
              </span>
              <div className="module-main">
                <h2>
                  <Link href={`/learn/${m.id}`}>{m.title}</Link>
                </h2>
                <p className="module-meta">
                  <span className="skill-chip">{skills[m.skill].label}</span> · {m.minutes} min
                </p>
                <p className="module-summary">{m.summary}</p>
              </div>
              <span className={`status-pill status-${s}`}>{statusLabel[s]}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

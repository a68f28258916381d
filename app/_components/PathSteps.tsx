// The steps of a learning path as a list, ticked when done: linked for the learner, plain for their manager.
import Link from 'next/link';
import type { PathStep } from '@/lib/content/path-view';

export function PathSteps({ steps, linked }: { steps: PathStep[]; linked: boolean }) {
  return (
    <ol className="path-list">
      {steps.map((s) => (
        <li key={`${s.kind}:${s.id}`} data-done={s.done}>
          <span aria-hidden="true">{s.done ? '✓ ' : '○ '}</span>
          {linked ? <Link href={s.href}>{s.title}</Link> : s.title}{' '}
          <span className="muted">
            ({s.what}, {s.done ? 'done' : 'not yet'})
          </span>
        </li>
      ))}
    </ol>
  );
}

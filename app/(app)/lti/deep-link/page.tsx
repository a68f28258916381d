// The deep-linking picker: a course designer in their learning platform chooses a module, a scenario or the check-ups to add to the course.
import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/guards';
import { sessionSecret } from '@/lib/auth/secret';
import { appBaseUrl, env } from '@/lib/env';
import { pickerFor, readTicket } from '@/lib/lti/deep-link';
import type { TargetKind } from '@/lib/lti/targets';
import styles from './picker.module.css';

export const metadata: Metadata = { title: 'Add to your course' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const groups: { kind: TargetKind; heading: string; graded: boolean }[] = [
  { kind: 'scenario', heading: 'Role-play scenarios', graded: true },
  { kind: 'module', heading: 'Course modules', graded: false },
  { kind: 'checkups', heading: 'Check-ups', graded: true },
];

export default async function DeepLinkPage({ searchParams }: Props) {
  const { ticket: raw } = await searchParams;
  const path = '/lti/deep-link';
  const { user, db } = await requirePageUser(path);
  const secret = sessionSecret(env());
  const ticket = await readTicket(typeof raw === 'string' ? raw : undefined, secret);
  const picker = ticket && ticket.uid === user.id ? await pickerFor(db, ticket, secret, appBaseUrl()) : null;
  if (!ticket || !picker) {
    return (
      <section className="stack">
        <h1>This picker has expired</h1>
        <p className="lead">Go back to your learning platform and choose “add external tool” again to get a fresh list.</p>
      </section>
    );
  }
  return (
    <section className="stack">
      <h1>Add to your course</h1>
      <p className="lead">
        Pick what learners in your {picker.platform.name} course should open. Scenarios and check-ups send their score out of 100 back to the course gradebook.
      </p>
      {groups.map((g) => {
        const items = picker.items.filter((i) => i.target.kind === g.kind);
        return (
          <section key={g.kind} aria-labelledby={`pick-${g.kind}`} className="stack">
            <h2 id={`pick-${g.kind}`}>{g.heading}</h2>
            <ul className={styles.list}>
              {items.map(({ target, jwt }) => (
                <li key={target.id} className={`card ${styles.item}`}>
                  <span className={styles.title}>{target.title}</span>
                  {g.graded && <span className="muted">Graded</span>}
                  <form method="post" action={ticket.returnUrl}>
                    <input type="hidden" name="JWT" value={jwt} />
                    <button type="submit" className="button button-secondary" aria-label={`Add ${target.title}`}>
                      Add
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

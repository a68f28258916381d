// Admin: import people from a CSV file, with a row-by-row report of what was created, skipped or rejected.
import type { Metadata } from 'next';
import { MAX_IMPORT_ROWS } from '@/lib/admin/users-csv';
import { count } from '@/lib/format';
import { requirePageUser } from '@/lib/auth/guards';
import { AdminNav } from '../AdminNav';
import styles from '../admin.module.css';
import { ImportForm } from './ImportForm';

export const metadata: Metadata = { title: 'Import people' };

export default async function ImportPage() {
  await requirePageUser('/admin/import', ['admin']);
  return (
    <section className="stack">
      <h1>Import people</h1>
      <AdminNav current="/admin/import" />
      <div className="card stack">
        <p className={styles.flat}>
          A CSV file with a header row naming the columns <code className={styles.code}>email</code>,{' '}
          <code className={styles.code}>name</code>, and optionally <code className={styles.code}>role</code> (learner, manager
          or admin; empty means learner) and <code className={styles.code}>team</code>. Up to {count(MAX_IMPORT_ROWS)}{' '}
          people at a time.
        </p>
        <ul className="checklist">
          <li>New people sign in with single sign-on; set a password on their account page if they need one.</li>
          <li>Someone who already has an account is skipped and left unchanged, but is added to the row’s team.</li>
          <li>In a team, learners become members; managers and admins become its managers.</li>
          <li>Rows with a problem are rejected with the reason; the other rows are still imported.</li>
        </ul>
      </div>
      <ImportForm maxRows={MAX_IMPORT_ROWS} />
    </section>
  );
}

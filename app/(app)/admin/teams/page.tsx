// Admin: every team with its size and managers, and a form to create one.
import type { Metadata } from 'next';
import Link from 'next/link';
import { listTeams } from '@/lib/admin/teams';
import { requirePageUser } from '@/lib/auth/guards';
import { Table } from '@/app/_components/Table';
import { AdminNav } from '../AdminNav';
import styles from '../admin.module.css';
import { NewTeamForm } from './NewTeamForm';

export const metadata: Metadata = { title: 'Teams' };

export default async function TeamsPage() {
  const { db } = await requirePageUser('/admin/teams', ['admin']);
  const teams = await listTeams(db);
  return (
    <section className="stack">
      <h1>Teams</h1>
      <AdminNav current="/admin/teams" />
      <p className="lead">Managers see the progress of their teams’ members. Open a team to change who is in it.</p>
      <NewTeamForm />
      <Table
        caption="All teams"
        columns={['Team', 'Members', 'Managers']}
        rows={teams}
        empty="No teams yet."
        className={styles.labels}
        row={(t) => (
          <tr key={t.id}>
            <td data-label="Team">
              <Link href={`/admin/teams/${t.id}`}>{t.name}</Link>
            </td>
            <td data-label="Members">{t.memberCount}</td>
            <td data-label="Managers">{t.managers.map((m) => m.name).join(', ') || <span className="muted">None yet</span>}</td>
          </tr>
        )}
      />
    </section>
  );
}

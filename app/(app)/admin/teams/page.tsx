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
        columns={[
          { label: 'Team', cell: (t) => <Link href={`/admin/teams/${t.id}`}>{t.name}</Link> },
          { label: 'Members', cell: (t) => t.memberCount },
          { label: 'Managers', cell: (t) => t.managers.map((m) => m.name).join(', ') || <span className="muted">None yet</span> },
        ]}
        rows={teams}
        rowKey={(t) => t.id}
        empty="No teams yet."
        className={styles.labels}
      />
    </section>
  );
}

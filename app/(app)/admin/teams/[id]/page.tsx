// Admin: one team: its name, its members and its managers, each added by email and removable.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { teamDetail, type TeamPerson } from '@/lib/admin/teams';
import { requirePageUser } from '@/lib/auth/guards';
import { roleLabel } from '@/lib/content/labels';
import { canManage } from '@/lib/roles';
import { Table } from '@/app/_components/Table';
import { AdminDetailTop } from '../../AdminNav';
import styles from '../../admin.module.css';
import { AddToTeamForm, DeleteTeamButton, RemoveFromTeamButton, RenameTeamForm } from './TeamForms';

export const metadata: Metadata = { title: 'Team' };

// Suggestions for the email fields; bounded so a very large organisation still gets a light page.

function PeopleTable({ teamId, people, place, caption }: { teamId: string; people: TeamPerson[]; place: 'member' | 'manager'; caption: string }) {
  return (
    <Table
      caption={caption}
      columns={[
        { label: 'Name', cell: (p) => <Link href={`/admin/users/${p.id}`}>{p.name}</Link> },
        { label: 'Email', cell: (p) => p.email },
        { label: 'Role', cell: (p) => roleLabel(p.role) },
        {
          label: 'Account',
          cell: (p) => <span className={`status-pill ${p.active ? 'status-active' : 'status-inactive'}`}>{p.active ? 'Active' : 'Deactivated'}</span>,
        },
        { label: 'Actions', hidden: true, cell: (p) => <RemoveFromTeamButton teamId={teamId} userId={p.id} name={p.name} place={place} /> },
      ]}
      rows={people}
      rowKey={(p) => p.id}
      empty={place === 'member' ? 'No members yet.' : 'No managers yet.'}
      className={styles.labels}
    />
  );
}

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db } = await requirePageUser(`/admin/teams/${id}`, ['admin']);
  const team = await teamDetail(db, id);
  if (!team) notFound();
  const { suggestions } = team;
  const empty = team.members.length === 0 && team.managers.length === 0;

  return (
    <section className="stack">
      <AdminDetailTop section="/admin/teams" title={team.name} />
      <RenameTeamForm teamId={team.id} name={team.name} />

      <h2 id="members">Members ({team.members.length})</h2>
      <AddToTeamForm
        teamId={team.id}
        place="member"
        suggestions={suggestions.map((p) => ({ email: p.email, name: p.name }))}
      />
      <PeopleTable teamId={team.id} people={team.members} place="member" caption={`Members of ${team.name}`} />

      <h2 id="managers">Managers ({team.managers.length})</h2>
      <p className="muted">Managers see their team’s progress. Only people with the manager or admin role can manage a team.</p>
      <AddToTeamForm
        teamId={team.id}
        place="manager"
        suggestions={suggestions.filter((p) => canManage(p.role)).map((p) => ({ email: p.email, name: p.name }))}
      />
      <PeopleTable teamId={team.id} people={team.managers} place="manager" caption={`Managers of ${team.name}`} />

      <h2>Delete this team</h2>
      {empty && team.checkupPlanCount === 0 ? (
        <DeleteTeamButton teamId={team.id} name={team.name} />
      ) : (
        <p className="muted">
          {team.checkupPlanCount > 0
            ? 'This team has check-up plans, whose history would be lost, so it cannot be deleted.'
            : 'A team can be deleted once it has no members and no managers.'}
        </p>
      )}
    </section>
  );
}

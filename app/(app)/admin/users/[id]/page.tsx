// Admin: one person's account: details, role, activation, password, two-step sign-in, the teams they are in, and erasure.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { personDetail } from '@/lib/admin/users';
import { requirePageUser } from '@/lib/auth/guards';
import { isErased } from '@/lib/privacy/erase';
import { AdminDetailTop } from '../../AdminNav';
import { EditUserForm } from './EditUserForm';
import { EraseUserForm } from './EraseUserForm';
import { ResetTwoStep } from './ResetTwoStep';

export const metadata: Metadata = { title: 'Edit account' };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user: admin, db } = await requirePageUser(`/admin/users/${id}`, ['admin']);
  const person = await personDetail(db, id);
  if (!person) notFound();
  const self = person.id === admin.id;
  const erased = isErased(person);
  return (
    <section className="stack">
      <AdminDetailTop section="/admin" title={person.name} />
      {erased ? (
        <p className="lead" role="status">
          This person has been erased: their name, email, sign-in, typed replies and notes are gone. Their scored practice stays in team
          results without their name.
        </p>
      ) : (
        <>
          <p className="lead">
            {person.email} · {person.active ? 'active' : 'deactivated'} ·{' '}
            {person.passwordSet ? 'signs in with a password or single sign-on' : 'signs in with single sign-on only'}
          </p>
          <EditUserForm
            user={{ id: person.id, name: person.name, email: person.email, role: person.role, active: person.active }}
            self={self}
          />
        </>
      )}
      {!erased && (!self || person.twoStepOn) && (
        <>
          <h2 id="two-step">Two-step sign-in</h2>
          {self ? (
            <p className="muted">This is your own account: manage it on your account page.</p>
          ) : (
            <ResetTwoStep user={{ id: person.id, name: person.name }} on={person.twoStepOn} />
          )}
        </>
      )}
      <h2>Teams</h2>
      {person.teams.length === 0 && person.manages.length === 0 ? (
        <p className="muted">
          Not in any team. Add people to teams on the <Link href="/admin/teams">Teams</Link> page.
        </p>
      ) : (
        <ul className="checklist">
          {person.teams.map((t) => (
            <li key={`m-${t.id}`}>
              Member of <Link href={`/admin/teams/${t.id}`}>{t.name}</Link>
            </li>
          ))}
          {person.manages.map((t) => (
            <li key={`g-${t.id}`}>
              Manages <Link href={`/admin/teams/${t.id}`}>{t.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {!erased && (
        <>
          <h2 id="erase">Erase this person</h2>
          {self ? (
            <p className="muted">This is your own account: another admin has to erase it.</p>
          ) : (
            <EraseUserForm user={{ id: person.id, name: person.name, email: person.email }} />
          )}
        </>
      )}
    </section>
  );
}

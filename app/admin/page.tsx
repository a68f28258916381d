// Admin: everyone's account, with activation and role changes that take effect at once.
import type { Metadata } from 'next';
import { getDb } from '@/db/runtime';
import { requirePageUser } from '@/lib/auth/guards';
import { listUsers } from '@/lib/users';
import { UserRow } from './UserRow';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  const admin = await requirePageUser('/admin', ['admin']);
  const users = await listUsers(await getDb());
  return (
    <section className="stack">
      <h1>People</h1>
      <p className="lead">
        Deactivating someone or changing their role signs them out at once, on every device.
      </p>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">All accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={{ id: u.id, name: u.name, email: u.email, role: u.role, active: u.active }} self={u.id === admin.id} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

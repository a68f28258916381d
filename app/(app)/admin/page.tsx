// Admin: everyone's account, with activation and role changes that take effect at once.
import type { Metadata } from 'next';
import { getDb } from '@/db/runtime';
import { requirePageUser } from '@/lib/auth/guards';
import { recentAudit, type AuditAction } from '@/lib/audit';
import { listUsers } from '@/lib/users';
import { UserRow } from './UserRow';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  const admin = await requirePageUser('/admin', ['admin']);
  const db = await getDb();
  const [users, activity] = await Promise.all([listUsers(db), recentAudit(db, 50)]);
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
      <h2 id="activity">Recent activity</h2>
      <p className="muted">Sign-ins, sign-outs, failed sign-ins, refused pages and account changes, newest first.</p>
      <div className="table-wrap">
        <table className="stack-table" aria-labelledby="activity">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Event</th>
              <th scope="col">Who</th>
              <th scope="col">About</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {activity.map((a) => (
              <tr key={a.id}>
                <td data-label="When">{a.at.toISOString().slice(0, 19).replace('T', ' ')}</td>
                <td data-label="Event">{auditLabels[a.action as AuditAction] ?? a.action}</td>
                <td data-label="Who">{a.actorName ?? '—'}</td>
                <td data-label="About">{a.subject ?? '—'}</td>
                <td data-label="Address">{a.ip ?? '—'}</td>
              </tr>
            ))}
            {activity.length === 0 && (
              <tr>
                <td colSpan={5}>Nothing yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const auditLabels: Record<AuditAction, string> = {
  signin: 'Signed in',
  'signin.failed': 'Failed sign-in',
  'signin.limited': 'Sign-in paused (too many failures)',
  signout: 'Signed out',
  'access.denied': 'Refused a page or request',
  'session.revoked': 'Ended session used',
  'user.deactivated': 'Account deactivated',
  'user.reactivated': 'Account reactivated',
  'user.role_changed': 'Role changed',
};

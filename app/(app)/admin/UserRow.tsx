'use client';
// One account in the admin table: its teams, a link to edit it, and quick role and activation changes.
import Link from 'next/link';
import type { Role } from '@/lib/roles';
import { send } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';
import { RoleOptions } from './RoleOptions';

interface Props {
  user: { id: string; name: string; email: string; role: Role; active: boolean };
  /** The teams the person is in, or manages, already worded for the table. */
  teams: string;
  self: boolean;
}

export function UserRow({ user, teams, self }: Props) {
  // The row shows the new role or state once the page refreshes, so only an error needs a line here.
  const { busy, run, error } = useAction();
  const change = (body: { active?: boolean; role?: Role }) => run(() => send(`/api/admin/users/${user.id}`, 'PATCH', body), { done: '' });

  return (
    <tr>
      <td data-label="Name">
        <span>
          <Link href={`/admin/users/${user.id}`} aria-label={`Edit ${user.name}`}>
            {user.name}
          </Link>
          {self && <span className="muted"> (you)</span>}
        </span>
      </td>
      <td data-label="Email">{user.email}</td>
      <td data-label="Teams">{teams || <span className="muted">—</span>}</td>
      <td data-label="Role">
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          Role for {user.name}
        </label>
        <div className="row-actions">
          <select
            id={`role-${user.id}`}
            value={user.role}
            disabled={busy || self}
            onChange={(e) => void change({ role: e.target.value as Role })}
          >
            <RoleOptions />
          </select>
        </div>
      </td>
      <td data-label="Account">
        <div className="row-actions">
          <span className={`status-pill ${user.active ? 'status-active' : 'status-inactive'}`}>
            {user.active ? 'Active' : 'Deactivated'}
          </span>
          {!self && (
            <button
              type="button"
              className={user.active ? 'button-danger' : 'button-quiet'}
              disabled={busy}
              onClick={() => void change({ active: !user.active })}
              aria-label={`${user.active ? 'Deactivate' : 'Reactivate'} ${user.name}`}
            >
              {user.active ? 'Deactivate' : 'Reactivate'}
            </button>
          )}
          {error && (
            <span role="alert" className="alert alert-error">
              {error}
            </span>
          )}
        </div>
      </td>
    </tr>
  );
}

'use client';
// One account in the admin table: its teams, a link to edit it, and quick role and activation changes.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Role } from '@/db/schema';

interface Props {
  user: { id: string; name: string; email: string; role: Role; active: boolean };
  /** The teams the person is in, or manages, already worded for the table. */
  teams: string;
  self: boolean;
}

export function UserRow({ user, teams, self }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function change(body: { active?: boolean; role?: Role }) {
    setBusy(true);
    setError(undefined);
    const res = await fetch(`/api/admin/users/${user.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    if (!res) setError('The trainer could not be reached. Try again.');
    else if (!res.ok) setError(((await res.json().catch(() => ({}))) as { error?: string }).error ?? 'That did not work.');
    setBusy(false);
    router.refresh();
  }

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
            <option value="learner">Learner</option>
            <option value="manager">Manager</option>
            <option value="admin">Admin</option>
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

'use client';
// Creates a team by name, then opens it so people can be added straight away.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import styles from '../admin.module.css';
import { FormMessages } from '@/app/_components/FormMessages';
import { send } from '@/app/_components/send';

export function NewTeamForm() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('name') ?? '');
    setBusy(true);
    setError(undefined);
    const sent = await send<{ team: { id: string; name: string } }>('/api/admin/teams', 'POST', { name });
    setBusy(false);
    if (!sent.ok) {
      setError(sent.error);
      return;
    }
    setStatus(`Created ${sent.data.team.name}. Opening it…`);
    router.push(`/admin/teams/${sent.data.team.id}`);
  }

  return (
    <form className={`card ${styles.form}`} onSubmit={(e) => void submit(e)}>
      <div className={styles.inline}>
        <div className="field">
          <label htmlFor="new-team-name">New team name</label>
          <input id="new-team-name" name="name" required maxLength={100} autoComplete="off" />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create team'}
        </button>
      </div>
      <FormMessages error={error} status={status} />
    </form>
  );
}

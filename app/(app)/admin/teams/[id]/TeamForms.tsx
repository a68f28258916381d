'use client';
// The forms on a team's page: rename, add a member or manager by email, remove one, delete the team.
import { useId, type FormEvent } from 'react';
import styles from '../../admin.module.css';
import { send } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';
import { SubmitButton } from '@/app/_components/SubmitButton';
import { Field, InputField } from '@/app/_components/Field';
import { Options } from '@/app/_components/Options';
import forms from '@/app/_components/forms.module.css';
import { FormActions } from '@/app/_components/FormActions';

export function RenameTeamForm({ teamId, name }: { teamId: string; name: string }) {
  const { busy, run, messages } = useAction();
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next = String(new FormData(e.currentTarget).get('name') ?? '');
    void run(() => send(`/api/admin/teams/${teamId}`, 'PATCH', { name: next }), { done: `Renamed to ${next.trim()}.` });
  }
  return (
    <form className={`card ${forms.form}`} onSubmit={submit}>
      <div className={styles.inline}>
        <InputField id="team-name" label="Team name" name="name" required maxLength={100} defaultValue={name} autoComplete="off" />
        <SubmitButton busy={busy} quiet>
          Rename
        </SubmitButton>
      </div>
      {messages}
    </form>
  );
}

export function AddToTeamForm({
  teamId,
  place,
  suggestions,
}: {
  teamId: string;
  place: 'member' | 'manager';
  suggestions: { email: string; name: string }[];
}) {
  const id = useId();
  const { busy, run, messages } = useAction();
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const email = String(new FormData(form).get('email') ?? '');
    void run(() => send(`/api/admin/teams/${teamId}/${place}s`, 'POST', { email }), {
      done: `Added ${email.trim()} as a ${place}.`,
      after: () => form.reset(),
    });
  }
  return (
    <form className={forms.form} onSubmit={submit}>
      <div className={styles.inline}>
        <Field id={`${id}-email`} label={place === 'member' ? 'Add a member by email' : 'Add a manager by email'}>
          <input id={`${id}-email`} name="email" type="email" required list={`${id}-people`} autoComplete="off" maxLength={254} />
          <datalist id={`${id}-people`}>
            <Options items={suggestions.map((p) => ({ value: p.email, label: p.name }))} />
          </datalist>
        </Field>
        <SubmitButton busy={busy}>{place === 'member' ? 'Add member' : 'Add manager'}</SubmitButton>
      </div>
      {messages}
    </form>
  );
}

export function RemoveFromTeamButton({ teamId, userId, name, place }: { teamId: string; userId: string; name: string; place: 'member' | 'manager' }) {
  const { busy, run, messages } = useAction();
  return (
    <div className="row-actions">
      <button
        type="button"
        className="button-danger"
        disabled={busy}
        onClick={() => void run(() => send(`/api/admin/teams/${teamId}/${place}s/${userId}`, 'DELETE'), { done: `Removed ${name}.`, page: true })}
        aria-label={`Remove ${name} as ${place === 'member' ? 'a member' : 'a manager'}`}
      >
        Remove
      </button>
      {messages}
    </div>
  );
}

export function DeleteTeamButton({ teamId, name }: { teamId: string; name: string }) {
  const { busy, run, messages } = useAction();
  return (
    <div className="stack">
      <p className="muted">The team has nobody in it. Deleting it cannot be undone.</p>
      <FormActions>
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => {
            if (!window.confirm(`Delete the team ${name}?`)) return;
            void run(() => send(`/api/admin/teams/${teamId}`, 'DELETE'), { done: `Deleted ${name}.`, go: () => '/admin/teams' });
          }}
        >
          Delete {name}
        </button>
      </FormActions>
      {messages}
    </div>
  );
}

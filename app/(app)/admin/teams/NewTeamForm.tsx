'use client';
// Creates a team by name, then opens it so people can be added straight away.
import type { FormEvent } from 'react';
import styles from '../admin.module.css';
import { send } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';
import { SubmitButton } from '@/app/_components/SubmitButton';
import { InputField } from '@/app/_components/Field';
import forms from '@/app/_components/forms.module.css';

export function NewTeamForm() {
  const { busy, run, messages } = useAction();

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('name') ?? '');
    void run(() => send<{ team: { id: string; name: string } }>('/api/admin/teams', 'POST', { name }), {
      done: (d) => `Created ${d.team.name}. Opening it…`,
      go: (d) => `/admin/teams/${d.team.id}`,
    });
  }

  return (
    <form className={`card ${forms.form}`} onSubmit={submit}>
      <div className={styles.inline}>
        <InputField id="new-team-name" label="New team name" name="name" required maxLength={100} autoComplete="off" />
        <SubmitButton busy={busy} sending="Creating…">
          Create team
        </SubmitButton>
      </div>
      {messages}
    </form>
  );
}

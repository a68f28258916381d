'use client';
// Adds one account: email, name, role, an optional team, and either single sign-on or a first password.
import { useId, useState, type FormEvent } from 'react';
import type { Role } from '@/lib/roles';
import styles from './admin.module.css';
import { send } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';
import { RoleOptions } from './RoleOptions';
import { TeamOptions } from '@/app/_components/TeamOptions';
import { SubmitButton } from '@/app/_components/SubmitButton';
import { Field } from '@/app/_components/Field';

interface Props {
  teams: { id: string; name: string }[];
  minPasswordLength: number;
}

export function NewUserForm({ teams, minPasswordLength }: Props) {
  const id = useId();
  const { busy, run, messages } = useAction();
  const [signIn, setSignIn] = useState<'sso' | 'password'>('sso');

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const person = {
      email: String(data.get('email') ?? ''),
      name: String(data.get('name') ?? ''),
      role: String(data.get('role') ?? 'learner') as Role,
      password: signIn === 'password' ? String(data.get('password') ?? '') : null,
      teamId: String(data.get('teamId') ?? '') || null,
    };
    void run(() => send<{ user: { name: string; email: string } }>('/api/admin/users', 'POST', person), {
      done: (d) => `Added ${d.user.name} (${d.user.email}).`,
      after: () => {
        form.reset();
        setSignIn('sso');
      },
    });
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Add a person" aria-describedby={`${id}-hint`}>
      <p id={`${id}-hint`} className="hint">
        Learners join the team as members; managers and admins become one of its managers.
      </p>
      <div className={styles.formGrid}>
        <Field id={`${id}-email`} label="Email">
          <input id={`${id}-email`} name="email" type="email" required autoComplete="off" maxLength={254} />
        </Field>
        <Field id={`${id}-name`} label="Name">
          <input id={`${id}-name`} name="name" required autoComplete="off" maxLength={200} />
        </Field>
        <Field id={`${id}-role`} label="Role">
          <select id={`${id}-role`} name="role" defaultValue="learner">
            <RoleOptions />
          </select>
        </Field>
        <Field id={`${id}-team`} label="Team">
          <select id={`${id}-team`} name="teamId" defaultValue="">
            <TeamOptions teams={teams} none="No team" />
          </select>
        </Field>
      </div>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Signing in</legend>
        <label className={styles.check}>
          <input type="radio" name="signIn" value="sso" checked={signIn === 'sso'} onChange={() => setSignIn('sso')} />
          <span>Single sign-on only (no password)</span>
        </label>
        <label className={styles.check}>
          <input type="radio" name="signIn" value="password" checked={signIn === 'password'} onChange={() => setSignIn('password')} />
          <span>Set a first password to give them</span>
        </label>
        {signIn === 'password' && (
          <Field id={`${id}-password`} label="First password" hint={<>At least {minPasswordLength} characters.</>}>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              required
              minLength={minPasswordLength}
              maxLength={200}
              autoComplete="new-password"
              aria-describedby={`${id}-password-hint`}
            />
          </Field>
        )}
      </fieldset>
      <div className={styles.actions}>
        <SubmitButton busy={busy} sending="Adding…">
          Add person
        </SubmitButton>
      </div>
      {messages}
    </form>
  );
}

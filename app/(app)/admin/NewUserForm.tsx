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
        <div className="field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input id={`${id}-email`} name="email" type="email" required autoComplete="off" maxLength={254} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} name="name" required autoComplete="off" maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} name="role" defaultValue="learner">
            <RoleOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-team`}>Team</label>
          <select id={`${id}-team`} name="teamId" defaultValue="">
            <TeamOptions teams={teams} none="No team" />
          </select>
        </div>
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
          <div className="field">
            <label htmlFor={`${id}-password`}>First password</label>
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
            <span id={`${id}-password-hint`} className="hint">
              At least {minPasswordLength} characters.
            </span>
          </div>
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

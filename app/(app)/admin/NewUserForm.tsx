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
import { InputField, PasswordField, SelectField } from '@/app/_components/Field';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-limits';
import forms from '@/app/_components/forms.module.css';
import { FormActions } from '@/app/_components/FormActions';

interface Props {
  teams: { id: string; name: string }[];
}

export function NewUserForm({ teams }: Props) {
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
    <form className={forms.form} onSubmit={submit} aria-label="Add a person" aria-describedby={`${id}-hint`}>
      <p id={`${id}-hint`} className="hint">
        Learners join the team as members; managers and admins become one of its managers.
      </p>
      <div className={forms.formGrid}>
        <InputField id={`${id}-email`} label="Email" name="email" type="email" required autoComplete="off" maxLength={254} />
        <InputField id={`${id}-name`} label="Name" name="name" required autoComplete="off" maxLength={200} />
        <SelectField id={`${id}-role`} label="Role" name="role" defaultValue="learner">
          <RoleOptions />
        </SelectField>
        <SelectField id={`${id}-team`} label="Team" name="teamId" defaultValue="">
          <TeamOptions teams={teams} none="No team" />
        </SelectField>
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
          <PasswordField id={`${id}-password`} label="First password" hint={<>At least {MIN_PASSWORD_LENGTH} characters.</>} name="password" purpose="new" required />
        )}
      </fieldset>
      <FormActions>
        <SubmitButton busy={busy} sending="Adding…">
          Add person
        </SubmitButton>
      </FormActions>
      {messages}
    </form>
  );
}

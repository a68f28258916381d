'use client';
// Edits one account; only the fields that changed are sent, so saving a name never touches the role.
import Link from 'next/link';
import type { FormEvent } from 'react';
import type { Role } from '@/lib/roles';
import styles from '../../admin.module.css';
import { send } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';
import { RoleOptions } from '../../RoleOptions';
import { SubmitButton } from '@/app/_components/SubmitButton';
import { InputField, PasswordField, SelectField } from '@/app/_components/Field';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-limits';
import forms from '@/app/_components/forms.module.css';
import { FormActions } from '@/app/_components/FormActions';

interface Props {
  user: { id: string; name: string; email: string; role: Role; active: boolean };
  self: boolean;
}

export function EditUserForm({ user, self }: Props) {
  const { busy, run, tell, messages } = useAction();

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const change: Record<string, unknown> = {};
    const name = String(data.get('name') ?? '');
    const email = String(data.get('email') ?? '');
    const password = String(data.get('password') ?? '');
    if (name.trim() !== user.name) change.name = name;
    if (!self) {
      if (email.trim().toLowerCase() !== user.email) change.email = email;
      const role = String(data.get('role')) as Role;
      if (role !== user.role) change.role = role;
      const active = data.get('active') === 'on';
      if (active !== user.active) change.active = active;
      if (password) change.password = password;
    }
    if (Object.keys(change).length === 0) {
      tell('Nothing has changed, so nothing was saved.');
      return;
    }
    const endsSessions = !self && (change.role !== undefined || change.active === false || change.password !== undefined);
    void run(() => send(`/api/admin/users/${user.id}`, 'PATCH', change), {
      done: `Saved.${endsSessions ? ` ${name.trim() || user.name} is signed out everywhere and must sign in again.` : ''}`,
      after: () => {
        const passwordInput = form.elements.namedItem('password');
        if (passwordInput instanceof HTMLInputElement) passwordInput.value = '';
      },
    });
  }

  return (
    <form className={`card ${forms.form}`} onSubmit={submit}>
      <div className={forms.formGrid}>
        <InputField id="edit-name" label="Name" name="name" required maxLength={200} defaultValue={user.name} autoComplete="off" />
        <InputField
          id="edit-email"
          label="Email"
          name="email"
          type="email"
          required
          maxLength={254}
          defaultValue={user.email}
          autoComplete="off"
          disabled={self}
          aria-describedby={self ? 'edit-self-hint' : undefined}
        />
        <SelectField id="edit-role" label="Role" name="role" defaultValue={user.role} disabled={self} aria-describedby={self ? 'edit-self-hint' : undefined}>
          <RoleOptions />
        </SelectField>
        <PasswordField
          id="edit-password"
          label="New password"
          hint={self ? undefined : <>Leave empty to keep the current one. At least {MIN_PASSWORD_LENGTH} characters.</>}
          name="password"
          purpose="new"
          disabled={self}
          aria-describedby={self ? 'edit-self-hint' : 'edit-password-hint'}
        />
      </div>
      <label className={styles.check}>
        <input type="checkbox" name="active" defaultChecked={user.active} disabled={self} aria-describedby={self ? 'edit-self-hint' : 'edit-active-hint'} />
        <span>
          Account active
          <span id="edit-active-hint" className={`hint ${styles.block}`}>
            A deactivated person cannot sign in and their open sessions end; their records stay.
          </span>
        </span>
      </label>
      {self && (
        <p id="edit-self-hint" className="hint">
          This is your own account: change your password on your <Link href="/account">account page</Link>, where your current one is asked
          for; another admin has to change its email or role, or deactivate it.
        </p>
      )}
      <FormActions>
        <SubmitButton busy={busy} sending="Saving…">
          Save changes
        </SubmitButton>
      </FormActions>
      {messages}
    </form>
  );
}

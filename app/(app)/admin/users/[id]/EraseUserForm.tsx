'use client';
// Erases one person after the admin types their email: it cannot be undone, so the button waits for the exact address.
import { useId, useState } from 'react';
import { send } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';
import { InputField } from '@/app/_components/Field';
import forms from '@/app/_components/forms.module.css';
import { FormActions } from '@/app/_components/FormActions';

export function EraseUserForm({ user }: { user: { id: string; name: string; email: string } }) {
  const { busy, run, messages } = useAction();
  const [typed, setTyped] = useState('');
  const id = useId();
  const matches = typed.trim().toLowerCase() === user.email;
  return (
    <form
      className={`card ${forms.form}`}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => send(`/api/admin/users/${user.id}/erase`, 'POST', { confirmEmail: typed }), { done: `${user.name} has been erased.`, page: true });
      }}
    >
      <p>
        Erasing {user.name} removes their name, email, password, company sign-in, typed replies and reflection notes, signs them out
        everywhere and closes the account. The choices they picked and their scores stay, without their name, so team results and
        check-up history do not change. This cannot be undone.
      </p>
      <InputField
        id={id}
        label={<>Type their email, {user.email}, to confirm</>}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
      <FormActions>
        <button type="submit" className="button button-danger" disabled={busy || !matches}>
          {busy ? 'Erasing…' : `Erase ${user.name}`}
        </button>
      </FormActions>
      {messages}
    </form>
  );
}

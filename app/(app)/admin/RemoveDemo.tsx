'use client';
// The admin's one action to remove the demo organisation, after typing what it does.
import { useId, useState } from 'react';
import { send } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';
import { InputField } from '@/app/_components/Field';

const PHRASE = 'remove the demo organisation';

export function RemoveDemo({ accounts, self }: { accounts: number; self: boolean }) {
  const { busy, run, messages } = useAction();
  const [typed, setTyped] = useState('');
  const id = useId();
  if (self) {
    return <p>You are signed in as the demo admin. Add an admin account of your own, sign in with it, and remove the demo organisation from there.</p>;
  }
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => send<{ removed: { usersRemoved: number; teamsRemoved: number } }>('/api/admin/demo', 'DELETE', { confirm: PHRASE }), {
          done: (d) => `Removed ${d.removed.usersRemoved} demo people and ${d.removed.teamsRemoved} demo teams.`,
          // The section goes once nothing demo is left.
          page: true,
        });
      }}
    >
      <p>
        Removes the {accounts} demo accounts with everything they did (attempts, notes, check-ups) and the three demo teams. People you
        added stay. This cannot be undone.
      </p>
      <InputField id={id} label={<>Type “{PHRASE}” to confirm</>} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      <div>
        <button type="submit" className="button button-danger" disabled={busy || typed.trim().toLowerCase() !== PHRASE}>
          Remove the demo organisation
        </button>
      </div>
      {messages}
    </form>
  );
}

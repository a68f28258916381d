'use client';
// Changing one's own password: the current one, the new one twice; other devices are signed out.
import { useId, useState } from 'react';
import { send } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';
import { PasswordField } from '@/app/_components/Field';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-limits';

export function PasswordForm({ first }: { first: boolean }) {
  const { busy, run, tell, messages } = useAction();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const id = useId();

  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (next !== again) return tell('The two new passwords are not the same. Type the new one again in both boxes.');
        void run(() => send<{ otherSessionsEnded: number }>('/api/me/password', 'POST', { current, password: next }), {
          done: (d) =>
            `Your password is changed.${d.otherSessionsEnded > 0 ? ` ${d.otherSessionsEnded} other sign-in${d.otherSessionsEnded === 1 ? ' was' : 's were'} ended.` : ''}`,
          after: () => {
            setCurrent('');
            setNext('');
            setAgain('');
          },
          // After a first password, on to what the person came to do (or the next required step).
          go: first ? () => '/' : undefined,
        });
      }}
    >
      <p className="hint">
        At least {MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess; common passwords and ones built from your
        name or email are refused.
      </p>
      <PasswordField
        id={`${id}-current`}
        label={first ? 'The password you were given' : 'Current password'}
        purpose="current"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        required
      />
      <PasswordField id={`${id}-new`} label="New password" purpose="new" value={next} onChange={(e) => setNext(e.target.value)} required />
      <PasswordField id={`${id}-again`} label="New password again" purpose="new" value={again} onChange={(e) => setAgain(e.target.value)} required />
      <div>
        <button type="submit" className="button button-primary" disabled={busy || !current || !next || !again}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </div>
      {messages}
    </form>
  );
}

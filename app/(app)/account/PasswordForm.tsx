'use client';
// Changing one's own password: the current one, the new one twice; other devices are signed out.
import { useId, useState } from 'react';
import { send } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';
import { Field } from '@/app/_components/Field';

export function PasswordForm({ minLength, maxLength, first }: { minLength: number; maxLength: number; first: boolean }) {
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
        At least {minLength} characters. A few unrelated words are easy to remember and hard to guess; common passwords and ones built from your
        name or email are refused.
      </p>
      <Field id={`${id}-current`} label={first ? 'The password you were given' : 'Current password'}>
        <input id={`${id}-current`} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
      </Field>
      <Field id={`${id}-new`} label="New password">
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          minLength={minLength}
          maxLength={maxLength}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          required
        />
      </Field>
      <Field id={`${id}-again`} label="New password again">
        <input id={`${id}-again`} type="password" autoComplete="new-password" maxLength={maxLength} value={again} onChange={(e) => setAgain(e.target.value)} required />
      </Field>
      <div>
        <button type="submit" className="button button-primary" disabled={busy || !current || !next || !again}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </div>
      {messages}
    </form>
  );
}

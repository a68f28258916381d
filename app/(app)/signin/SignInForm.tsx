'use client';
// The sign-in form: a real form (password managers fill it), errors announced to screen readers.
import { signIn } from 'next-auth/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { OFFLINE } from '@/app/_lib/api';
import { signInErrors } from '@/lib/auth/sign-in-errors';
import { signInErrorMessage } from './messages';
import { SubmitButton } from '@/app/_components/SubmitButton';
import { Field, InputField, PasswordField } from '@/app/_components/Field';

interface Props {
  callbackUrl: string;
  initialError?: string;
  sso?: { id: string; name: string };
}

export function SignInForm({ callbackUrl, initialError, sso }: Props) {
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);
  // Shown once the password proves right for an account with two-step sign-in on.
  const [needCode, setNeedCode] = useState(false);
  const [asking, setAsking] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  // Where focus goes once the answer is on screen; the count makes the same target move focus again.
  const [focusTo, setFocusTo] = useState<{ target: 'code' | 'error'; n: number }>();
  useEffect(() => {
    // After React has committed the answer, so the code field exists and is no longer disabled.
    if (focusTo?.target === 'code' && codeRef.current) {
      codeRef.current.value = '';
      codeRef.current.focus();
    } else if (focusTo?.target === 'error') errorRef.current?.focus();
  }, [focusTo]);
  const moveFocus = (target: 'code' | 'error') => setFocusTo((f) => ({ target, n: (f?.n ?? 0) + 1 }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const code = String(data.get('code') ?? '').trim();
    if (!email || !password) {
      setError('Enter your email and your password.');
      return;
    }
    setBusy(true);
    setError(undefined);
    setAsking(false);
    try {
      const result = await signIn('credentials', { email, password, code, redirect: false, callbackUrl });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      const askCode = result?.error === signInErrors.codeNeeded || result?.error === signInErrors.codeInvalid;
      setError(signInErrorMessage(result?.error ?? 'unknown'));
      // Asking for the code is the next step, not a mistake: shown as information.
      setAsking(result?.error === signInErrors.codeNeeded);
      if (askCode) {
        setNeedCode(true);
        setBusy(false);
        moveFocus('code');
        return;
      }
    } catch {
      setError(OFFLINE);
    }
    setBusy(false);
    moveFocus('error');
  }

  return (
    <>
      <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} noValidate>
        {error && (
          <p className={`alert ${asking ? 'alert-info' : 'alert-error'}`} role="alert" tabIndex={-1} ref={errorRef} id="signin-error">
            {error}
          </p>
        )}
        <InputField
          id="email"
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-describedby={error ? 'signin-error' : undefined}
        />
        <PasswordField id="password" label="Password" name="password" purpose="current" required />
        {needCode && (
          <Field id="code" label="Two-step code">
            <input
              id="code"
              name="code"
              ref={codeRef}
              type="text"
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellCheck={false}
              aria-describedby="code-hint"
              required
            />
            <p className="hint" id="code-hint">
              The 6-digit code from your authenticator app, or a recovery code.
            </p>
          </Field>
        )}
        <SubmitButton busy={busy} sending="Signing in…">
          Sign in
        </SubmitButton>
      </form>
      {sso && (
        <>
          <p className="divider">or</p>
          <button type="button" className="button button-secondary" onClick={() => void signIn(sso.id, { callbackUrl })}>
            Sign in with {sso.name}
          </button>
        </>
      )}
    </>
  );
}

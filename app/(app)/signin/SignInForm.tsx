'use client';
// The sign-in form: a real form (password managers fill it), errors announced to screen readers.
import { signIn } from 'next-auth/react';
import { useRef, useState, type FormEvent } from 'react';
import { signInErrorMessage } from './messages';

interface Props {
  callbackUrl: string;
  initialError?: string;
  sso?: { id: string; name: string };
}

export function SignInForm({ callbackUrl, initialError, sso }: Props) {
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!email || !password) {
      setError('Enter your email and your password.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await signIn('credentials', { email, password, redirect: false, callbackUrl });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(signInErrorMessage(result?.error ?? 'unknown'));
    } catch {
      setError('The trainer could not be reached. Check your connection and try again.');
    }
    setBusy(false);
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  return (
    <>
      <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} noValidate>
        {error && (
          <p className="alert alert-error" role="alert" tabIndex={-1} ref={errorRef} id="signin-error">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            aria-describedby={error ? 'signin-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
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

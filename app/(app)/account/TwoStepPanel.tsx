'use client';
// Two-step sign-in for oneself: set up with an authenticator app (QR code or key), save the recovery codes, replace them, or turn it off.
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { FormMessages } from '@/app/_components/FormMessages';
import { send } from '@/app/_lib/api';
import { InputField, PasswordField } from '@/app/_components/Field';

interface Props {
  enabled: boolean;
  recoveryCodesLeft: number;
  /** Admins keep it on: turning it off asks them to set it up again at once. */
  required: boolean;
  /** The person was sent here to set it up before anything else. */
  pending: boolean;
}

type Stage =
  | { at: 'idle' }
  | { at: 'scan'; qrSvg: string; key: string }
  | { at: 'codes'; codes: string[] };

export function TwoStepPanel({ enabled, recoveryCodesLeft, required, pending }: Props) {
  const router = useRouter();
  const id = useId();
  const [stage, setStage] = useState<Stage>({ at: 'idle' });
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function call<T>(url: string, method: 'POST' | 'DELETE', body: unknown, then: (data: T) => void) {
    setBusy(true);
    setError(undefined);
    setStatus('');
    const sent = await send<T>(url, method, body);
    setBusy(false);
    if (!sent.ok) return setError(sent.error);
    then(sent.data);
  }

  const showCodes = (codes: string[], message: string) => {
    setPassword('');
    setStage({ at: 'codes', codes });
    setStatus(message);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  if (stage.at === 'codes') {
    const text = `Empathy Trainer recovery codes\nEach code works once, in place of an authenticator code.\n\n${stage.codes.join('\n')}\n`;
    return (
      <div className="stack">
        <h3 ref={headingRef} tabIndex={-1}>
          Save your recovery codes
        </h3>
        <p>
          If you lose your phone, each of these codes signs you in once instead of a code from the app. Keep them somewhere safe, such as a password
          manager. They are shown only now.
        </p>
        <ul className="recovery-codes" aria-label="Recovery codes">
          {stage.codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <div className="row-actions">
          <a className="button button-secondary" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="empathy-trainer-recovery-codes.txt">
            Download as a text file
          </a>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setStage({ at: 'idle' });
              if (pending) router.push('/');
              else router.refresh();
            }}
          >
            I have saved them
          </button>
        </div>
        <FormMessages error={error} status={status} />
      </div>
    );
  }

  if (stage.at === 'scan') {
    return (
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void call<{ recoveryCodes: string[] }>('/api/me/two-step/confirm', 'POST', { code }, (d) =>
            showCodes(d.recoveryCodes, 'Two-step sign-in is on. From now on you sign in with your password and a code.'),
          );
        }}
      >
        <ol className="steps">
          <li>Open an authenticator app on your phone (any app that shows 6-digit codes, such as the one your company recommends).</li>
          <li>
            Scan this QR code, or add an account by hand with the key below.
            <div className="qr">
              {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG made on the server for this person only */}
              <img src={`data:image/svg+xml;utf8,${encodeURIComponent(stage.qrSvg)}`} alt="QR code for your authenticator app" width={180} height={180} />
            </div>
            <p>
              Key: <code className="totp-key">{stage.key}</code>
            </p>
          </li>
          <li>
            <InputField
              id={`${id}-code`}
              label="Enter the 6-digit code the app shows"
              ref={codeRef}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={8}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
            />
          </li>
        </ol>
        <div className="row-actions">
          <button type="submit" className="button button-primary" disabled={busy || code.replace(/\s/g, '').length !== 6}>
            {busy ? 'Checking…' : 'Turn on two-step sign-in'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setStage({ at: 'idle' })}>
            Cancel
          </button>
        </div>
        <FormMessages error={error} status={status} />
      </form>
    );
  }

  const passwordField = (
    <PasswordField
      id={`${id}-password`}
      label="Your password"
      purpose="current"
      value={password}
      onChange={(e) => setPassword(e.target.value)}
      required
    />
  );

  if (!enabled) {
    return (
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void call<{ qrSvg: string; key: string }>('/api/me/two-step', 'POST', { password }, (d) => {
            setPassword('');
            setCode('');
            setStage({ at: 'scan', qrSvg: d.qrSvg, key: d.key });
            requestAnimationFrame(() => codeRef.current?.focus());
          });
        }}
      >
        <p>
          <strong>Off.</strong> With two-step sign-in, a stolen password is not enough: signing in also needs a code from an app on your phone.
          {required ? ' Admins must use it.' : ''}
        </p>
        {passwordField}
        <div>
          <button type="submit" className="button button-primary" disabled={busy || !password}>
            {busy ? 'Checking…' : 'Set up two-step sign-in'}
          </button>
        </div>
        <FormMessages error={error} status={status} />
      </form>
    );
  }

  return (
    <form className="stack" onSubmit={(e) => e.preventDefault()}>
      <p>
        <strong>On.</strong> You sign in with your password and a code from your authenticator app. {recoveryCodesLeft} of 10 recovery codes left
        {recoveryCodesLeft <= 3 ? ': make new ones soon.' : '.'}
      </p>
      {passwordField}
      <div className="row-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy || !password}
          onClick={() =>
            void call<{ recoveryCodes: string[] }>('/api/me/two-step/recovery-codes', 'POST', { password }, (d) =>
              showCodes(d.recoveryCodes, 'New recovery codes made; the old ones no longer work.'),
            )
          }
        >
          Make new recovery codes
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={busy || !password}
          onClick={() =>
            void call('/api/me/two-step', 'DELETE', { password }, () => {
              setPassword('');
              setStatus(required ? 'Two-step sign-in is off. Set it up again on your new device to carry on.' : 'Two-step sign-in is off.');
              router.refresh();
            })
          }
        >
          Turn off
        </button>
      </div>
      {required && <p className="hint">Moving to a new phone? Turn it off here, then set it up again straight away.</p>}
      <FormMessages error={error} status={status} />
    </form>
  );
}

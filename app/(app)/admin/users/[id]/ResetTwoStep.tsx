'use client';
// Turns off a person's two-step sign-in, after a second click that says what it does. Drawn whether it
// is on or off, so the line saying it worked survives the refresh that follows.
import { useState } from 'react';
import { send } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';

export function ResetTwoStep({ user, on }: { user: { id: string; name: string }; on: boolean }) {
  const { busy, run, messages } = useAction();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="stack">
      {on ? (
        <>
          <p>
            {user.name} signs in with a password and a code from an authenticator app. If they have lost their phone and their recovery codes,
            turn it off here: their sessions end, and they sign in with their password alone until they set it up again.
          </p>
          <div className="row-actions">
            {confirming ? (
              <>
                <button
                  type="button"
                  className="button button-danger"
                  disabled={busy}
                  onClick={() => void run(() => send(`/api/admin/users/${user.id}/two-step`, 'DELETE'), { done: `Two-step sign-in is off for ${user.name}.` })}
                >
                  Yes, turn it off for {user.name}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </>
            ) : (
              <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
                Turn off two-step sign-in
              </button>
            )}
          </div>
        </>
      ) : (
        <p className="muted">Off: {user.name} signs in with a password alone. They can set it up on their own account page.</p>
      )}
      {messages}
    </div>
  );
}

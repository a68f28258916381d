'use client';
// Signs out through next-auth (which checks its CSRF token) and returns to the sign-in page.
import { signOut } from 'next-auth/react';
import { useState } from 'react';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button-quiet"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: '/signin?notice=signed-out' });
      }}
    >
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}

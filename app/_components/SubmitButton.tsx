// A form's submit button: disabled while the form is sending, and saying so when a sending label is given.
import type { ReactNode } from 'react';

export function SubmitButton({ busy, sending, quiet = false, children }: { busy: boolean; sending?: string; quiet?: boolean; children: ReactNode }) {
  return (
    <button type="submit" className={quiet ? 'button button-quiet' : 'button button-primary'} disabled={busy}>
      {busy && sending ? sending : children}
    </button>
  );
}

// One form field: its label, the control it names (passed with the same id), and an optional hint the control can point to.
import type { ReactNode } from 'react';

/** The hint, when given, gets the id `${id}-hint`, so the control's aria-describedby can name it. */
export function Field({ id, label, hint, children }: { id: string; label: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint !== undefined && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}

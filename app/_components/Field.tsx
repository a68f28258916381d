// One form field: its label, the control it names, and an optional hint the control points to.
import type { ComponentProps, ReactNode } from 'react';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/password-limits';

interface Labelled {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
}

/**
 * A label and a hint around a control of the caller's own (passed with the same id). The hint,
 * when given, gets the id `${id}-hint`, so the control's aria-describedby can name it.
 */
export function Field({ id, label, hint, children }: Labelled & { children: ReactNode }) {
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

/** The control is described by its own hint unless the caller names something else (or nothing). */
function describedBy(id: string, hint: ReactNode, given: string | undefined, named: boolean): string | undefined {
  if (named) return given;
  return hint === undefined ? undefined : `${id}-hint`;
}

/** A labelled `<input>`; every other prop, `ref` too, goes to the input. */
export function InputField({ label, hint, ...input }: Labelled & ComponentProps<'input'>) {
  return (
    <Field id={input.id} label={label} hint={hint}>
      <input {...input} aria-describedby={describedBy(input.id, hint, input['aria-describedby'], 'aria-describedby' in input)} />
    </Field>
  );
}

/** A labelled `<textarea>`; every other prop goes to the textarea. */
export function TextAreaField({ label, hint, ...area }: Labelled & ComponentProps<'textarea'>) {
  return (
    <Field id={area.id} label={label} hint={hint}>
      <textarea {...area} aria-describedby={describedBy(area.id, hint, area['aria-describedby'], 'aria-describedby' in area)} />
    </Field>
  );
}

/** A labelled `<select>` around its options; every other prop goes to the select. */
export function SelectField({ label, hint, children, ...select }: Labelled & ComponentProps<'select'>) {
  return (
    <Field id={select.id} label={label} hint={hint}>
      <select {...select} aria-describedby={describedBy(select.id, hint, select['aria-describedby'], 'aria-describedby' in select)}>
        {children}
      </select>
    </Field>
  );
}

/**
 * A password input, for the current password or a new one, within the limits the server applies,
 * so no form asks for a password the server would refuse for its length.
 */
export function PasswordField({ purpose, ...input }: { purpose: 'current' | 'new' } & Labelled & Omit<ComponentProps<'input'>, 'type' | 'autoComplete'>) {
  const fresh = purpose === 'new';
  return (
    <InputField
      type="password"
      autoComplete={fresh ? 'new-password' : 'current-password'}
      minLength={fresh ? MIN_PASSWORD_LENGTH : undefined}
      maxLength={MAX_PASSWORD_LENGTH}
      {...input}
    />
  );
}

/**
 * A whole-number input. Phones show the digits-only keypad when the number cannot be negative;
 * that keypad has no minus sign, so a range below zero keeps the ordinary one.
 */
export function WholeNumberField({ min, ...input }: Labelled & Omit<ComponentProps<'input'>, 'type' | 'inputMode' | 'step' | 'min'> & { min: number }) {
  return <InputField type="number" inputMode={min >= 0 ? 'numeric' : undefined} step={1} min={min} {...input} />;
}

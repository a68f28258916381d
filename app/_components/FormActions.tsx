// The row of buttons that ends a form, laid out alike in every form.
import type { ReactNode } from 'react';
import forms from './forms.module.css';

export function FormActions({ children }: { children: ReactNode }) {
  return <div className={forms.actions}>{children}</div>;
}

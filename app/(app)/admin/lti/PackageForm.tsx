'use client';
// Exports a SCORM 1.2 package for one module or scenario, for an LMS that has no LTI.
import type { FormEvent } from 'react';
import styles from '../admin.module.css';
import { download } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';
import { SubmitButton } from '@/app/_components/SubmitButton';
import { InputField, SelectField } from '@/app/_components/Field';
import forms from '@/app/_components/forms.module.css';
import { FormActions } from '@/app/_components/FormActions';

export function PackageForm({ targets }: { targets: { value: string; label: string; group: string }[] }) {
  const { busy, run, messages } = useAction();
  const groups = [...new Set(targets.map((t) => t.group))];

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const body = { target: String(data.get('target') ?? ''), lms: String(data.get('lms') ?? '').trim() };
    void run(() => download('/api/admin/scorm/packages', body), {
      done: (d) => `Downloaded ${d.filename}. Upload it to your LMS as a SCORM 1.2 package.`,
    });
  }

  return (
    <form className={forms.form} onSubmit={submit}>
      <div className={styles.grid2}>
        <SelectField id="scorm-target" label="Module or scenario" name="target" required defaultValue="">
          <option value="" disabled>
            Choose one…
          </option>
          {groups.map((g) => (
            <optgroup key={g} label={g}>
              {targets
                .filter((t) => t.group === g)
                .map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <InputField
          id="scorm-lms"
          label="LMS name"
          hint="Learners of packages with the same LMS name are the same people here."
          name="lms"
          required
          maxLength={60}
          autoComplete="off"
          placeholder="Company Cornerstone"
        />
      </div>
      <FormActions>
        <SubmitButton busy={busy} sending="Preparing…">
          Download package
        </SubmitButton>
      </FormActions>
      {messages}
    </form>
  );
}

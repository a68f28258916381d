'use client';
// Imports a scenario or persona YAML file from git: a file with problems is listed line by line and nothing is saved.
import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { post } from '@/app/_lib/api';
import { InputField, SelectField } from '@/app/_components/Field';
import { SubmitButton } from '@/app/_components/SubmitButton';
import { FormMessages } from '@/app/_components/FormMessages';
import type { ContentProblem } from '@/lib/problems';
import styles from './studio.module.css';
import forms from '@/app/_components/forms.module.css';
import { FormActions } from '@/app/_components/FormActions';

export function ImportForm() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<ContentProblem[]>([]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get('file');
    const kind = String(form.get('kind'));
    setError(undefined);
    setProblems([]);
    if (!(file instanceof File) || file.size === 0) return setError('Choose a .yaml file first.');
    setBusy(true);
    const sent = await post<{ href: string }>('/api/studio/import', { kind, yaml: await file.text(), replace: form.get('replace') === 'on' });
    setBusy(false);
    if (sent.ok) return router.push(sent.data.href);
    setError(sent.error);
    setProblems((sent.body?.problems as ContentProblem[] | undefined) ?? []);
  }

  return (
    <form className={`card ${forms.form}`} onSubmit={submit} aria-labelledby="import-heading">
      <h2 id="import-heading">Import a YAML file</h2>
      <p className="muted">A file exported from here or written in git. It is checked first; a file with problems is not imported.</p>
      <div className={forms.formGrid}>
        <SelectField id="import-kind" label="It is a" name="kind">
          <option value="scenario">Scenario</option>
          <option value="persona">Persona</option>
        </SelectField>
        <div className={styles.wide}>
          <InputField id="import-file" label="File" name="file" type="file" accept=".yaml,.yml,application/yaml,text/yaml" required />
        </div>
      </div>
      <label className={styles.check}>
        <input type="checkbox" name="replace" /> If the studio already has this id, make the file its new draft
      </label>
      <FormActions>
        <SubmitButton busy={busy} sending="Checking…">
          Import
        </SubmitButton>
      </FormActions>
      <FormMessages error={error} status="" />
      {problems.length > 0 && (
        <ul className={styles.problemsList} aria-label="Problems in the file">
          {problems.map((p, i) => (
            <li key={i}>
              <strong>{p.line > 0 ? `Line ${p.line}: ` : ''}</strong>
              {p.message}
              {p.hint && <span className={styles.fix}>Fix: {p.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

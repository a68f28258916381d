'use client';
// Starts a scenario or persona in the studio as a copy of a shipped one, then opens it in the editor.
import { useState, type FormEvent } from 'react';
import { post } from '@/app/_lib/api';
import { InputField, SelectField } from '@/app/_components/Field';
import { SubmitButton } from '@/app/_components/SubmitButton';
import { useAction } from '@/app/_components/useAction';
import type { StudioKind } from '@/lib/studio/documents';
import { Options } from '@/app/_components/Options';
import forms from '@/app/_components/forms.module.css';
import { FormActions } from '@/app/_components/FormActions';

/** What the author types as a title, as an id: lowercase words joined by hyphens. */
const slug = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

export function NewDocumentForm({ kind, templates }: { kind: StudioKind; templates: { id: string; title: string }[] }) {
  const { busy, run, messages } = useAction();
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const p = `new-${kind}`;
  const noun = kind === 'scenario' ? 'scenario' : 'persona';

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const from = String(new FormData(e.currentTarget).get('from') ?? '');
    void run(() => post<{ href: string }>('/api/studio/documents', { kind, from, id, title }), {
      done: `Created ${id}. Opening it…`,
      go: (d) => d.href,
    });
  }

  return (
    <form className={`card ${forms.form}`} onSubmit={submit} aria-labelledby={`${p}-heading`}>
      <h2 id={`${p}-heading`}>New {noun}</h2>
      <p className="muted">
        Start from a shipped {noun} that is close to what you need: you get a copy under your own id to change freely. The shipped one stays as it is.
      </p>
      <div className={forms.formGrid}>
        <SelectField id={`${p}-from`} label="Start from" name="from" required>
          <Options items={templates.map((t) => ({ value: t.id, label: t.title }))} />
        </SelectField>
        <InputField
          id={`${p}-title`}
          label={kind === 'scenario' ? 'Title' : 'Name'}
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (!idTouched) setId(slug(e.target.value));
          }}
          required
          maxLength={200}
          autoComplete="off"
        />
        <InputField
          id={`${p}-id`}
          label="Id"
          hint="Lowercase words joined by hyphens. Reports and exports use it, so it cannot change later."
          value={id}
          onChange={(e) => {
            setId(e.target.value);
            setIdTouched(true);
          }}
          required
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          maxLength={100}
          autoComplete="off"
        />
      </div>
      <FormActions>
        <SubmitButton busy={busy} sending="Creating…">
          Create {noun}
        </SubmitButton>
      </FormActions>
      {messages}
    </form>
  );
}

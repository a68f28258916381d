'use client';
// Registers a learning platform from the values its LTI 1.3 tool registration shows.
import type { FormEvent } from 'react';
import styles from '../admin.module.css';
import { send } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';
import { SubmitButton } from '@/app/_components/SubmitButton';
import { InputField } from '@/app/_components/Field';
import forms from '@/app/_components/forms.module.css';
import { FormActions } from '@/app/_components/FormActions';

const fields = [
  { name: 'name', label: 'Name', hint: 'How the platform is called here, such as “Company Moodle”.', type: 'text' },
  { name: 'issuer', label: 'Issuer (platform id)', hint: 'Such as https://moodle.example.com', type: 'url' },
  { name: 'clientId', label: 'Client id', hint: 'The id the LMS gave the trainer.', type: 'text' },
  { name: 'deploymentIds', label: 'Deployment ids', hint: 'One or more, separated by commas.', type: 'text' },
  { name: 'authLoginUrl', label: 'Authentication request URL', hint: 'The LMS’s OIDC authorization endpoint.', type: 'url' },
  { name: 'authTokenUrl', label: 'Access token URL', hint: 'Used to return grades.', type: 'url' },
  { name: 'jwksUrl', label: 'Public key set URL', hint: 'The LMS’s JWKS address.', type: 'url' },
  { name: 'frameOrigins', label: 'LMS web address (optional)', hint: 'Where learners see the course, if not at the issuer’s address (Canvas: your school’s Canvas address).', type: 'url' },
] as const;

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function PlatformForm() {
  const { busy, run, messages } = useAction();

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const value = (k: string) => String(data.get(k) ?? '').trim();
    const body = {
      name: value('name'),
      issuer: value('issuer'),
      clientId: value('clientId'),
      deploymentIds: list(value('deploymentIds')),
      authLoginUrl: value('authLoginUrl'),
      authTokenUrl: value('authTokenUrl'),
      jwksUrl: value('jwksUrl'),
      ...(value('frameOrigins') ? { frameOrigins: list(value('frameOrigins')) } : {}),
    };
    void run(() => send<{ platform: { id: string; name: string } }>('/api/admin/lti/platforms', 'POST', body), {
      done: (d) => `Registered ${d.platform.name}. Learners can now open the trainer from it.`,
      after: () => form.reset(),
    });
  }

  return (
    <form className={forms.form} onSubmit={submit}>
      <div className={styles.grid2}>
        {fields.map((f) => (
          <InputField
            key={f.name}
            id={`lti-${f.name}`}
            label={f.label}
            hint={f.hint}
            name={f.name}
            type={f.type}
            required={f.name !== 'frameOrigins'}
            autoComplete="off"
            spellCheck={false}
          />
        ))}
      </div>
      <FormActions>
        <SubmitButton busy={busy} sending="Registering…">
          Register platform
        </SubmitButton>
      </FormActions>
      {messages}
    </form>
  );
}

'use client';
// The manager's check-up controls: a form to plan a team's check-up (defaults filled in) and a button to stop a plan.
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { FormMessages } from '@/app/_components/FormMessages';
import { send } from '@/app/_lib/api';
import styles from './team-checkups.module.css';
import { InputField, SelectField, WholeNumberField } from '@/app/_components/Field';
import { Options } from '@/app/_components/Options';

// On a 401 the manager is told to retry after signing in, so the filled-in plan is not given up for lost.
const retryAfterSignIn = { signedOut: 'Your session has ended. Sign in again, then try once more.' };

const repeats = [
  { value: '', label: 'Once only' },
  { value: '30', label: 'Every 30 days' },
  { value: '90', label: 'Every 90 days' },
  { value: '182', label: 'Every 182 days' },
  { value: '365', label: 'Every 365 days' },
];

export function CreatePlanForm({ teamId, teamName, learners }: { teamId: string; teamName: string; learners: number }) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const element = e.currentTarget;
    const form = new FormData(element);
    const repeat = String(form.get('recurDays') ?? '');
    const start = String(form.get('startsAt') ?? '');
    setBusy(true);
    setError(null);
    setDone(null);
    const sent = await send<{ assignments: number }>(
      `/api/teams/${teamId}/checkup-plans`,
      'POST',
      {
        name: String(form.get('name') ?? ''),
        scenarioCount: Number(form.get('scenarioCount')),
        daysToComplete: Number(form.get('daysToComplete')),
        recurDays: repeat ? Number(repeat) : null,
        ...(start ? { startsAt: `${start}T09:00:00Z` } : {}),
      },
      retryAfterSignIn,
    );
    setBusy(false);
    if (!sent.ok) return setError(sent.error);
    const { assignments } = sent.data;
    element.reset();
    setDone(start ? `Planned. The first run starts on ${start}.` : `Planned and started: ${assignments} ${assignments === 1 ? 'scenario' : 'scenarios'} assigned.`);
    router.refresh();
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.formTitle}>
        Plan a check-up for {teamName}
      </h3>
      <p className="hint">
        Each of the {learners} learners gets their own scenarios, chosen for their weakest skills and different from their last check-up.
      </p>
      <div className={styles.fields}>
        <InputField id={`${id}-name`} label="Name" name="name" required maxLength={100} defaultValue="Quarterly check-up" />
        <WholeNumberField id={`${id}-count`} label="Scenarios per learner" name="scenarioCount" required min={1} max={10} defaultValue={3} />
        <WholeNumberField id={`${id}-days`} label="Days to complete" name="daysToComplete" required min={1} max={365} defaultValue={14} />
        <SelectField id={`${id}-repeat`} label="Repeats" name="recurDays" defaultValue="90">
          <Options items={repeats} />
        </SelectField>
        <InputField id={`${id}-start`} label="First run on" hint="Leave empty to start now." name="startsAt" type="date" />
      </div>
      <FormMessages error={error} status={done} statusClassName={done ? 'alert alert-info' : 'visually-hidden'} />
      <button type="submit" className={`button button-primary ${styles.submit}`} disabled={busy}>
        {busy ? 'Planning…' : 'Plan check-up'}
      </button>
    </form>
  );
}

export function StopPlanButton({ planId, planName }: { planId: string; planName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function stop() {
    if (!window.confirm(`Stop “${planName}”? No further runs will be created; scenarios already assigned stay open.`)) return;
    setBusy(true);
    setError(null);
    const sent = await send(`/api/checkup-plans/${planId}`, 'DELETE', undefined, retryAfterSignIn);
    setBusy(false);
    if (!sent.ok) return setError(sent.error);
    router.refresh();
  }
  return (
    <span className={styles.stop}>
      <button type="button" className="button button-danger" onClick={stop} disabled={busy}>
        {busy ? 'Stopping…' : 'Stop'}
        <span className="visually-hidden"> {planName}</span>
      </button>
      {error && (
        <span role="alert" className={styles.stopError}>
          {error}
        </span>
      )}
    </span>
  );
}

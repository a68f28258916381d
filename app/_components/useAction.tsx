'use client';
// One form's request cycle: a busy flag, the error or status line (announced), then a refresh or a new page.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { announce } from './Announcer';
import { FormMessages } from './FormMessages';
import type { Sent } from '@/app/_lib/api';

interface Outcome<T> {
  /** The status line once it worked. */
  done: string | ((data: T) => string);
  /** Runs once it worked, before the refresh (reset the form, clear a field). */
  after?: (data: T) => void;
  /** Open this address once it worked, instead of refreshing the page (the thing was created or deleted). */
  go?: (data: T) => string;
  /** Say it in the page's status line (Announcer), for a button the refresh takes away with its row. */
  page?: boolean;
}

export function useAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');

  async function run<T>(action: () => Promise<Sent<T>>, outcome: Outcome<T>): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    setStatus('');
    const sent = await action();
    setBusy(false);
    if (!sent.ok) {
      setError(sent.error);
      return false;
    }
    const done = typeof outcome.done === 'string' ? outcome.done : outcome.done(sent.data);
    if (outcome.page) announce(done);
    else setStatus(done);
    outcome.after?.(sent.data);
    if (outcome.go) router.push(outcome.go(sent.data));
    else router.refresh();
    return true;
  }

  /** A message that needs no request ("nothing has changed"). */
  function tell(message: string) {
    setError(undefined);
    setStatus(message);
  }

  const messages = <FormMessages error={error} status={status} />;
  return { busy, run, tell, error, messages };
}

'use client';
// A button that deletes or revokes one thing after the admin confirms what it will do (a platform, a package).
import { send } from '@/app/_lib/api';
import { useAction } from '@/app/_components/useAction';

/** `name` is what a screen reader hears when the visible label alone would not say which row it is for. */
export function ConfirmedDelete({ url, label, name, question, done }: { url: string; label: string; name?: string; question: string; done: string }) {
  const { busy, run, messages } = useAction();
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        aria-label={name}
        onClick={() => {
          if (window.confirm(question)) void run(() => send(url, 'DELETE'), { done, page: true });
        }}
      >
        {label}
      </button>
      {messages}
    </>
  );
}

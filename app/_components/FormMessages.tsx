// The error and status lines under a form: the error is announced at once, the status politely.
interface Props {
  error?: string | null;
  status?: string | null;
  /** The status line stays in the page even when empty, so screen readers hear it when text appears. */
  statusClassName?: string;
}

export function FormMessages({ error, status, statusClassName = 'muted' }: Props) {
  return (
    <>
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      <p role="status" className={statusClassName}>
        {status}
      </p>
    </>
  );
}

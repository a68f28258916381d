'use client';
// The page's own status line, for outcomes whose button leaves the page when it works (a removed row,
// an erased person): a status line inside that row would vanish in the refresh before anyone read it.
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

const EVENT = 'trainer:announce';

/** Shows `message` in the page's status line, until the next page or until dismissed. */
export function announce(message: string) {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: message }));
}

export function Announcer() {
  const pathname = usePathname();
  const [message, setMessage] = useState('');
  const [page, setPage] = useState(pathname);
  // Said on one page, it no longer applies on the next (nor on coming back).
  if (page !== pathname) {
    setPage(pathname);
    setMessage('');
  }
  useEffect(() => {
    const hear = (e: Event) => setMessage((e as CustomEvent<string>).detail);
    window.addEventListener(EVENT, hear);
    return () => window.removeEventListener(EVENT, hear);
  }, []);
  return (
    // Always in the page, so screen readers hear the text when it appears.
    <div className={message ? 'announcer' : 'visually-hidden'}>
      <p role="status">{message}</p>
      {message && (
        <button type="button" className="button-quiet" onClick={() => setMessage('')}>
          Dismiss
        </button>
      )}
    </div>
  );
}

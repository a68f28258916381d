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
  const [said, setSaid] = useState<{ message: string; on: string } | null>(null);
  useEffect(() => {
    const hear = (e: Event) => setSaid({ message: (e as CustomEvent<string>).detail, on: window.location.pathname });
    window.addEventListener(EVENT, hear);
    return () => window.removeEventListener(EVENT, hear);
  }, []);
  // Said on another page, it no longer applies here.
  const message = said && said.on === pathname ? said.message : '';
  return (
    <div className="announcer" data-shown={message !== ''}>
      {/* Always in the page, so screen readers hear the text when it appears. */}
      <p role="status">{message}</p>
      {message && (
        <button type="button" className="button-quiet" onClick={() => setSaid(null)}>
          Dismiss
        </button>
      )}
    </div>
  );
}

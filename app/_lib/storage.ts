// The browser's storage, where it is allowed: full, switched off, or denied outright inside another site's frame (an LMS), a setting is then kept only as long as the page.

type Kind = 'localStorage' | 'sessionStorage';

/** Reads and writes that never throw: a denied store reads as empty and ignores writes. */
export function browserStore(kind: Kind) {
  return {
    read(key: string): string | null {
      try {
        return window[kind].getItem(key);
      } catch {
        return null;
      }
    },
    write(key: string, value: string | null) {
      try {
        if (value) window[kind].setItem(key, value);
        else window[kind].removeItem(key);
      } catch {
        // Nothing to do: see above.
      }
    },
  };
}

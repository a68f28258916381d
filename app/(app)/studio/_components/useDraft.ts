'use client';
// A studio draft kept safe: saved a moment after typing stops, backed up in the browser until it is, and never saved over another author's newer save.
import { useCallback, useEffect, useRef, useState } from 'react';
import { get, send } from '@/app/_lib/api';
import { browserStore } from '@/app/_lib/storage';
import { mergeDrafts } from '@/lib/studio/merge';

export interface Theirs {
  draft: string;
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
}

export type SaveState =
  | { state: 'saved'; at?: string }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'failed'; error: string }
  | { state: 'conflict'; theirs: Theirs };

/** How long typing must pause before a save, and how often to look for another author's save. */
export const SAVE_AFTER_MS = 1_200;
export const LOOK_EVERY_MS = 10_000;

// Touches window only when read or written, so it is safe to make while rendering on the server.
const store = browserStore('localStorage');

export function useDraft(url: string, initial: { draft: string; revision: number }, storeKey: string) {
  const [text, setTextState] = useState(initial.draft);
  const [save, setSave] = useState<SaveState>({ state: 'saved' });
  const [notice, setNotice] = useState<string>();
  const base = useRef(initial.revision);
  const saved = useRef(initial.draft);
  const latest = useRef(initial.draft);

  // Unsaved work from before a reload or a lost connection comes back, if it was based on what is stored now.
  useEffect(() => {
    // Read after hydration (the server cannot know this browser's backup), in a callback so the first render stays the server's.
    const timer = setTimeout(() => {
      const backup = parseBackup(store.read(storeKey));
      if (backup && backup.base === initial.revision && backup.text !== initial.draft) {
        latest.current = backup.text;
        setTextState(backup.text);
        setSave({ state: 'unsaved' });
        setNotice('Your unsaved changes from before were restored.');
      } else if (backup) store.write(storeKey, null);
    }, 0);
    return () => clearTimeout(timer);
    // Once, on opening the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const setText = useCallback(
    (next: string) => {
      latest.current = next;
      setTextState(next);
      setSave((s) => (s.state === 'conflict' ? s : { state: 'unsaved' }));
      store.write(storeKey, next === saved.current ? null : JSON.stringify({ base: base.current, text: next }));
    },
    [storeKey],
  );

  /**
   * Another author saved first: their changes and these are combined when they touch different
   * lines (then saved), and shown side by side for the author to settle when they do not.
   */
  const meet = useCallback((theirs: Theirs) => {
    const merged = mergeDrafts(saved.current, latest.current, theirs.draft);
    if (merged === undefined) return setSave({ state: 'conflict', theirs });
    base.current = theirs.revision;
    saved.current = theirs.draft;
    latest.current = merged;
    setTextState(merged);
    setNotice(`${theirs.updatedBy ?? 'Another author'} saved changes while you were editing; theirs and yours are both in the draft now.`);
    setSave(merged === theirs.draft ? { state: 'saved', at: theirs.updatedAt } : { state: 'unsaved' });
  }, []);

  const saveNow = useCallback(
    async (baseRevision = base.current): Promise<boolean> => {
      const body = latest.current;
      setSave({ state: 'saving' });
      const sent = await send<{ revision: number; updatedAt: string }>(`${url}/draft`, 'PUT', { yaml: body, baseRevision });
      if (sent.ok) {
        base.current = sent.data.revision;
        saved.current = body;
        if (latest.current === body) {
          store.write(storeKey, null);
          setSave({ state: 'saved', at: sent.data.updatedAt });
        } else setSave({ state: 'unsaved' });
        return true;
      }
      if (sent.status === 409 && sent.body?.current) meet(sent.body.current as Theirs);
      else setSave({ state: 'failed', error: sent.error });
      return false;
    },
    [url, storeKey, meet],
  );

  // Saves a moment after typing stops.
  useEffect(() => {
    if (save.state !== 'unsaved') return;
    const timer = setTimeout(() => void saveNow(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text, save.state, saveNow]);

  // Another author's save shows at once when nothing here is unsaved, and as a conflict when something is.
  useEffect(() => {
    const timer = setInterval(async () => {
      const r = await get<Theirs>(url);
      if (!r.ok || r.data.revision <= base.current) return;
      if (latest.current === saved.current) {
        base.current = r.data.revision;
        saved.current = r.data.draft;
        latest.current = r.data.draft;
        setTextState(r.data.draft);
        setNotice(`${r.data.updatedBy ?? 'Another author'} saved a newer draft; you are looking at it now.`);
      } else meet(r.data);
    }, LOOK_EVERY_MS);
    return () => clearInterval(timer);
  }, [url, meet]);

  /** Keeps this text, saved over theirs once the author has seen both. */
  const keepMine = useCallback((theirs: Theirs) => void saveNow(theirs.revision), [saveNow]);

  /** Takes their text; this one stays in the browser's backup until the next save, and in the comparison on screen. */
  const takeTheirs = useCallback(
    (theirs: Theirs) => {
      base.current = theirs.revision;
      saved.current = theirs.draft;
      latest.current = theirs.draft;
      setTextState(theirs.draft);
      setSave({ state: 'saved', at: theirs.updatedAt });
    },
    [],
  );

  return { text, setText, save, saveNow, keepMine, takeTheirs, notice, revision: () => base.current, unsaved: () => latest.current !== saved.current };
}

function parseBackup(raw: string | null): { base: number; text: string } | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as { base?: unknown; text?: unknown };
    return typeof v.base === 'number' && typeof v.text === 'string' ? { base: v.base, text: v.text } : undefined;
  } catch {
    return undefined;
  }
}

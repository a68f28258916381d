'use client';
// The learner's progress in the open module, loaded from the server and shared with its checks and notes.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { get, send, type SendOptions } from '@/app/_lib/api';
import { reportModuleCompleted, reportTarget } from '@/app/_lib/report';
import type { AnswerResult, ModuleProgress as Progress } from '@/lib/progress/modules';

interface ModuleProgressValue {
  ready: boolean;
  /** Set when progress could not be loaded or saved; shown to the learner. */
  problem?: string;
  status: Progress['status'];
  answers: Record<string, AnswerResult>;
  reflections: Record<string, string>;
  /** Each check's option ids in this learner's order (empty until progress has loaded). */
  order: Record<string, string[]>;
  answer(checkId: string, optionId: string): Promise<void>;
  saveReflection(id: string, text: string): Promise<boolean>;
}

const Ctx = createContext<ModuleProgressValue | null>(null);

export function useModuleProgress(): ModuleProgressValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useModuleProgress must be used inside <ModuleProgressProvider>');
  return v;
}

// A save that fails says why; a 401 asks for a new sign-in, since every answer after it would be lost too.
const saying = (offline: string): SendOptions => ({
  signedOut: 'Your session has ended. Sign in again to save your answers.',
  offline,
  failed: () => 'That could not be saved. Try again.',
});

export function ModuleProgressProvider({ moduleId, children }: { moduleId: string; children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [progress, setProgress] = useState<Progress>({ status: 'not_started', answers: {}, reflections: {}, order: {} });
  const base = `/api/modules/${encodeURIComponent(moduleId)}`;

  useEffect(() => {
    let live = true;
    (async () => {
      const unreachable = saying('The trainer could not be reached, so your answers will not be saved. Check your connection and reload.');
      const started = await send(`${base}/start`, 'POST', undefined, unreachable);
      const loaded = await get<Progress>(`${base}/progress`, unreachable);
      if (!live) return;
      if (!loaded.ok) return setProblem(loaded.error);
      if (!started.ok) return setProblem(started.error);
      setProgress(loaded.data);
      setReady(true);
    })();
    return () => {
      live = false;
    };
  }, [base]);

  const answer = useCallback(
    async (checkId: string, optionId: string) => {
      const sent = await send<AnswerResult & { status: Progress['status'] }>(
        `${base}/answers`,
        'POST',
        { checkId, optionId },
        saying('Your answer could not be sent. Check your connection and try again.'),
      );
      if (!sent.ok) {
        setProblem(sent.error);
        return;
      }
      const result = sent.data;
      setProblem(undefined);
      setProgress((p) => ({ ...p, status: result.status, answers: { ...p.answers, [checkId]: result } }));
    },
    [base],
  );

  const saveReflection = useCallback(
    async (id: string, text: string) => {
      const sent = await send(`${base}/reflections/${encodeURIComponent(id)}`, 'PUT', { text }, saying('Your note could not be saved. Check your connection and try again.'));
      if (!sent.ok) {
        setProblem(sent.error);
        return false;
      }
      setProblem(undefined);
      setProgress((p) => ({ ...p, reflections: { ...p.reflections, [id]: text } }));
      return true;
    },
    [base],
  );

  // A package page that launched this module hears when it is completed (already, or now).
  useEffect(() => void reportTarget(), []);
  useEffect(() => {
    if (progress.status === 'completed') reportModuleCompleted(moduleId);
  }, [progress.status, moduleId]);

  const value = useMemo(
    () => ({ ready, problem, ...progress, answer, saveReflection }),
    [ready, problem, progress, answer, saveReflection],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

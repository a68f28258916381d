'use client';
// The learner's progress in the open module, loaded from the server and shared with its checks and notes.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AnswerResult, ModuleProgress as Progress } from '@/lib/progress';

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

async function send(url: string, method: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function errorOf(res: Response): Promise<string> {
  if (res.status === 401) return 'Your session has ended. Sign in again to save your answers.';
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  return body.error ?? 'That could not be saved. Try again.';
}

export function ModuleProgressProvider({ moduleId, children }: { moduleId: string; children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [progress, setProgress] = useState<Progress>({ status: 'not_started', answers: {}, reflections: {}, order: {} });
  const base = `/api/modules/${encodeURIComponent(moduleId)}`;

  useEffect(() => {
    let live = true;
    (async () => {
      const started = await send(`${base}/start`, 'POST').catch(() => undefined);
      const res = await fetch(`${base}/progress`).catch(() => undefined);
      if (!live) return;
      if (!res || !res.ok || !started?.ok) {
        setProblem(res ? await errorOf(res) : 'The trainer could not be reached, so your answers will not be saved. Check your connection and reload.');
        return;
      }
      setProgress((await res.json()) as Progress);
      setReady(true);
    })();
    return () => {
      live = false;
    };
  }, [base]);

  const answer = useCallback(
    async (checkId: string, optionId: string) => {
      const res = await send(`${base}/answers`, 'POST', { checkId, optionId }).catch(() => undefined);
      if (!res || !res.ok) {
        setProblem(res ? await errorOf(res) : 'Your answer could not be sent. Check your connection and try again.');
        return;
      }
      const result = (await res.json()) as AnswerResult & { status: Progress['status'] };
      setProblem(undefined);
      setProgress((p) => ({ ...p, status: result.status, answers: { ...p.answers, [checkId]: result } }));
    },
    [base],
  );

  const saveReflection = useCallback(
    async (id: string, text: string) => {
      const res = await send(`${base}/reflections/${encodeURIComponent(id)}`, 'PUT', { text }).catch(() => undefined);
      if (!res || !res.ok) {
        setProblem(res ? await errorOf(res) : 'Your note could not be saved. Check your connection and try again.');
        return false;
      }
      setProblem(undefined);
      setProgress((p) => ({ ...p, reflections: { ...p.reflections, [id]: text } }));
      return true;
    },
    [base],
  );

  const value = useMemo(
    () => ({ ready, problem, ...progress, answer, saveReflection }),
    [ready, problem, progress, answer, saveReflection],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

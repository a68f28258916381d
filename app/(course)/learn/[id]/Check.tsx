'use client';
// A knowledge check: pick an option, and the server's explanation appears at once. The first answer stands.
import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import { useModuleProgress } from './ModuleProgress';

interface CheckState {
  chosen?: string;
  correctId?: string;
  locked: boolean;
  choose(optionId: string): void;
}

const CheckCtx = createContext<CheckState | null>(null);

export function Check({ id, question, children }: { id: string; question: string; children?: ReactNode }) {
  const progress = useModuleProgress();
  const [busy, setBusy] = useState(false);
  const result = progress.answers[id];
  const questionId = useId();
  const state: CheckState = {
    chosen: result?.optionId,
    correctId: result?.correctOptionId,
    locked: Boolean(result) || busy || !progress.ready,
    choose: (optionId) => {
      if (result || busy || !progress.ready) return;
      setBusy(true);
      void progress.answer(id, optionId).finally(() => setBusy(false));
    },
  };
  return (
    <section className="check" aria-labelledby={questionId} data-answered={Boolean(result)}>
      <p className="check-label">Knowledge check</p>
      <h3 id={questionId} className="check-question">
        {question}
      </h3>
      <CheckCtx.Provider value={state}>
        <div className="check-options" role="group" aria-labelledby={questionId}>
          {children}
        </div>
      </CheckCtx.Provider>
      <div className="check-feedback" aria-live="polite">
        {result && (
          <div className={result.correct ? 'feedback feedback-right' : 'feedback feedback-wrong'}>
            <p>
              <strong>{result.correct ? 'Right.' : 'Not quite.'}</strong> {result.explanation}
            </p>
            {!result.correct && (
              <p>
                <strong>The stronger answer:</strong> {result.correctExplanation}
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

export function Option({ id, children }: { id: string; children?: ReactNode }) {
  const state = useContext(CheckCtx);
  if (!state) throw new Error('<Option> must be inside <Check>');
  const chosen = state.chosen === id;
  const right = state.correctId === id;
  const mark = chosen ? (right ? 'Your answer, right' : 'Your answer') : right ? 'Stronger answer' : undefined;
  return (
    <button
      type="button"
      className="check-option"
      data-chosen={chosen}
      data-right={right}
      aria-pressed={chosen}
      aria-disabled={state.locked}
      onClick={() => state.choose(id)}
    >
      <span className="check-option-text">{children}</span>
      {mark && <span className="check-option-mark">{mark}</span>}
    </button>
  );
}

'use client';
// A knowledge check: pick an option, and the server's explanation appears at once. The first answer stands.
import { Children, createContext, isValidElement, useContext, useId, useState, type ReactNode } from 'react';
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
        {/* Hidden, keeping their space, until this learner's order is known: options that jump about would be worse. */}
        <div className="check-options" role="group" aria-labelledby={questionId} aria-busy={!progress.ready && !progress.problem} data-waiting={!progress.ready && !progress.problem}>
          {inOrder(children, progress.order[id])}
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

/** The options in the learner's order; any the order does not name (content newer than the page) keep their place at the end. */
function inOrder(children: ReactNode, order: readonly string[] | undefined): ReactNode {
  if (!order) return children;
  const rank = new Map(order.map((id, i) => [id, i]));
  const idOf = (c: ReactNode) => (isValidElement<{ id?: string }>(c) ? c.props.id : undefined);
  return Children.toArray(children).sort((a, b) => (rank.get(idOf(a) ?? '') ?? order.length) - (rank.get(idOf(b) ?? '') ?? order.length));
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

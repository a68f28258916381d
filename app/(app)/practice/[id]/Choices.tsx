'use client';
// The replies on offer, numbered for keys 1–9, and the way to write one's own (W); greyed but kept while a choice is being sent.
import type { Ref } from 'react';
import type { Turn } from '@/lib/attempts/types';

interface Props {
  choices: Turn['choices'];
  /** The learner can pick now; otherwise a choice is on its way and the list stays as it was. */
  picking: boolean;
  /** The choice being sent, marked while it goes. */
  pendingId?: string;
  /** The attempt lets the learner write their own reply. */
  freeText: boolean;
  onChoose(choiceId: string): void;
  onWrite(): void;
  /** The list, whose first button takes focus on a new turn. */
  ref: Ref<HTMLOListElement>;
}

export function Choices({ choices, picking, pendingId, freeText, onChoose, onWrite, ref }: Props) {
  return (
    <div className="choices">
      <h2 className="choices-title" id="choices-title">
        Your reply <span className="muted">(or press 1–{choices.length})</span>
      </h2>
      <ol ref={ref} className="choice-list" aria-labelledby="choices-title">
        {choices.map((choice, i) => (
          <li key={choice.id}>
            <button
              type="button"
              className="choice-button"
              aria-keyshortcuts={String(i + 1)}
              aria-disabled={!picking}
              data-pending={pendingId === choice.id}
              onClick={() => picking && onChoose(choice.id)}
            >
              <span className="choice-key" aria-hidden="true">
                {i + 1}
              </span>
              <span>{choice.say}</span>
            </button>
          </li>
        ))}
      </ol>
      {freeText && (
        <button type="button" className="button button-secondary write-button" aria-keyshortcuts="W" aria-disabled={!picking} onClick={() => picking && onWrite()}>
          <span className="choice-key" aria-hidden="true">
            W
          </span>
          Write my own reply
        </button>
      )}
    </div>
  );
}

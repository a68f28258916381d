'use client';
// What the last reply did: a typed reply as the coach read it, the customer's reaction, the skill changes, and the way on.
import type { Ref } from 'react';
import { TypedReply } from '@/app/_components/ReplyHighlights';
import { signed } from '@/lib/format';
import type { TranscriptEntry } from '@/lib/player/machine';

interface Props {
  last: TranscriptEntry;
  customerName: string;
  skillLabels: Record<string, string>;
  /** The conversation has ended, so the way on is the debrief. */
  ended: boolean;
  onContinue(): void;
  /** The Continue button, which takes focus when the panel appears. */
  ref: Ref<HTMLButtonElement>;
}

export function FeedbackPanel({ last, customerName, skillLabels, ended, onContinue, ref }: Props) {
  return (
    <div className="feedback-panel">
      {last.reply && (
        <>
          <h2 className="feedback-title">Your reply, as the coach read it</h2>
          <TypedReply reply={last.reply} skillLabels={skillLabels} />
        </>
      )}
      <h2 className="feedback-title">{last.reply ? `How ${customerName.split(' ')[0]} took it` : 'What that did'}</h2>
      <p>{last.feedback}</p>
      {last.scores && Object.keys(last.scores).length > 0 && (
        <ul className="delta-list" aria-label="Skill changes">
          {Object.entries(last.scores).map(([k, v]) => (
            <li key={k} data-sign={v > 0 ? 'up' : v < 0 ? 'down' : 'same'}>
              {skillLabels[k] ?? k} {signed(v)}
            </li>
          ))}
        </ul>
      )}
      <button ref={ref} type="button" className="button button-primary continue-button" onClick={onContinue}>
        {ended ? 'See the debrief' : 'Continue'}
      </button>
    </div>
  );
}

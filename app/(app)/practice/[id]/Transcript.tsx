'use client';
// The conversation so far, and the customer's line waiting for a reply.
import type { TranscriptEntry } from '@/lib/player/machine';

interface Props {
  entries: TranscriptEntry[];
  customerName: string;
  channel: string;
  /** The customer's line still waiting for the learner's reply. */
  current?: string;
  /** The last reply is shown, marked, in the feedback panel instead (a typed reply under feedback). */
  hideLastReply: boolean;
}

export function Transcript({ entries, customerName, channel, current, hideLastReply }: Props) {
  const last = entries.at(-1);
  return (
    <ol className="transcript dialogue" data-channel={channel}>
      {entries.map((t) => (
        <li key={t.seq} className="transcript-turn">
          <div className="line line-customer">
            <span className="line-who">{customerName}</span>
            <div className="line-text">{t.customer}</div>
          </div>
          {!(hideLastReply && t === last) && (
            <div className="line line-rep">
              <span className="line-who">You{t.reply ? ' (your own words)' : ''}</span>
              <div className="line-text">{t.say}</div>
              {t.reply && <div className="line-heard">Heard as: “{t.reply.heardAs.say}”</div>}
            </div>
          )}
        </li>
      ))}
      {current !== undefined && (
        <li className="transcript-turn transcript-current">
          <div className="line line-customer">
            <span className="line-who">{customerName}</span>
            <div className="line-text">{current}</div>
          </div>
        </li>
      )}
    </ol>
  );
}

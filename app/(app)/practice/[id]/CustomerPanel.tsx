'use client';
// The player's side panel: the customer's face, name and mood, the cue for this turn, the mode, any notice and the reply timer.
import type { Mode } from '@/lib/attempts/types';
import { Face, MoodMeter } from './Face';
import { ReplyTimer } from './ReplyTimer';

interface Props {
  customerName: string;
  mood: number;
  /** The customer's manner this turn, shown while the learner is choosing. */
  cue?: string;
  mode: Mode;
  notice?: string;
  timer: { seconds: number | null; onChange(s: number | null): void; running: boolean; turnKey: string };
}

export function CustomerPanel({ customerName, mood, cue, mode, notice, timer }: Props) {
  return (
    <aside className="player-customer">
      <Face mood={mood} name={customerName} />
      <p className="player-name">{customerName}</p>
      <MoodMeter mood={mood} />
      {cue && <p className="player-cue">({cue})</p>}
      <p className="player-mode">{mode === 'checkup' ? 'Check-up: feedback comes at the end.' : 'Practice: feedback after each reply.'}</p>
      {notice && (
        <p className="player-notice" role="status">
          {notice}
        </p>
      )}
      <ReplyTimer {...timer} />
    </aside>
  );
}

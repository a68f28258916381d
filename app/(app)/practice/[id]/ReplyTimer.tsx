'use client';
// An optional timer for each reply: off by default; the learner can switch it on, add time, or turn it off (WCAG 2.2.1).
import { useEffect, useState } from 'react';
import { browserStore } from '@/app/_lib/storage';

const STORAGE_KEY = 'trainer.replyTimer';
const DEFAULT_SECONDS = 30;

/** The timer setting, remembered on this device. */
export function useTimerSetting(): [number | null, (s: number | null) => void] {
  const [seconds, setSeconds] = useState<number | null>(null);
  useEffect(() => {
    const saved = browserStore('localStorage').read(STORAGE_KEY);
    // Read once after hydration: the server cannot know this device's setting.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (saved) setSeconds(Number(saved) || null);
  }, []);
  const update = (s: number | null) => {
    setSeconds(s);
    browserStore('localStorage').write(STORAGE_KEY, s ? String(s) : null);
  };
  return [seconds, update];
}

export function ReplyTimer({ seconds, onChange, running, turnKey }: { seconds: number | null; onChange(s: number | null): void; running: boolean; turnKey: string }) {
  const [left, setLeft] = useState(seconds ?? 0);
  // A new turn, or switching the timer on, restarts the countdown.
  const restartKey = `${turnKey}:${seconds}`;
  const [forKey, setForKey] = useState(restartKey);
  if (forKey !== restartKey) {
    setForKey(restartKey);
    setLeft(seconds ?? 0);
  }
  useEffect(() => {
    if (!seconds || !running) return;
    const id = window.setInterval(() => setLeft((l) => Math.max(0, l - 1)), 1000);
    return () => window.clearInterval(id);
  }, [seconds, running, turnKey]);

  if (!seconds) {
    return (
      <div className="reply-timer">
        <button type="button" className="button-quiet" onClick={() => onChange(DEFAULT_SECONDS)}>
          Time my replies
        </button>
        <p className="hint">Off. Real customers don’t wait forever; a timer helps you practise pace.</p>
      </div>
    );
  }
  return (
    <div className="reply-timer" data-out={left === 0}>
      <p className="reply-timer-count">
        {left > 0 ? `${left} s to reply` : 'Time’s up: the customer is waiting. Reply when you’re ready.'}
      </p>
      {left === 0 && (
        <p className="visually-hidden" role="status">
          Time’s up. The customer is waiting.
        </p>
      )}
      <div className="reply-timer-actions">
        <button type="button" className="button-quiet" onClick={() => setLeft((l) => l + 30)}>
          +30 s
        </button>
        <button type="button" className="button-quiet" onClick={() => onChange(null)}>
          Turn off
        </button>
      </div>
    </div>
  );
}

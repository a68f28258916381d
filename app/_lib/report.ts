// Tells a SCORM package's page, when the trainer runs in its frame, that a module or scenario was finished: the page writes it to the LMS.
import type { EndingView } from '@/lib/attempts/types';
import type { TranscriptEntry } from '@/lib/player/machine';
import { browserStore } from './storage';

const KEY = 'empathy-trainer:report-to';
// Where the tab's storage is denied (a frame in a browser that blocks third-party storage), the page's memory keeps it.
let remembered: string | null = null;

/**
 * The origin of the package page that launched this tab, from the launch's `?report=` (kept for
 * the tab, as the player rewrites its address), or null when the trainer is not framed by one.
 * Only that origin receives the message, and only a page the launch allowed may frame the trainer.
 */
export function reportTarget(): string | null {
  if (typeof window === 'undefined' || window.parent === window) return null;
  const fromUrl = new URLSearchParams(window.location.search).get('report');
  const tab = browserStore('sessionStorage');
  if (fromUrl) {
    tab.write(KEY, fromUrl);
    remembered = fromUrl;
  }
  return tab.read(KEY) ?? remembered;
}

type Result =
  | { kind: 'module'; id: string }
  | { kind: 'scenario'; id: string; attempt: string; score: number; passed: boolean; decisions: { turn: number; response: string; result: 'correct' | 'wrong' | 'neutral' }[] };

function post(result: Result) {
  const to = reportTarget();
  if (to) window.parent.postMessage({ type: 'empathy-trainer:result', ...result }, to);
}

export function reportModuleCompleted(id: string) {
  post({ kind: 'module', id });
}

/** A finished attempt: its score, and each decision with whether it moved the skills up or down. */
export function reportAttempt(scenarioId: string, attemptId: string, ending: EndingView, transcript: TranscriptEntry[]) {
  post({
    kind: 'scenario',
    id: scenarioId,
    attempt: attemptId,
    score: ending.score.overall,
    passed: ending.score.passed,
    decisions: transcript.map((t) => {
      const sum = Object.values(t.scores ?? {}).reduce((a, b) => a + b, 0);
      return { turn: t.seq + 1, response: t.reply?.text ?? t.say, result: sum > 0 ? 'correct' : sum < 0 ? 'wrong' : 'neutral' };
    }),
  });
}

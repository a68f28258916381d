// Where a detector's finding points: the span of each match, overlapping ones merged into one.
import type { Span } from '../detectors';
import type { Match } from '../nlp';

export const span = (m: Match): Span => ({ start: m.start, end: m.end });

/** One finding over every place a detector matched, or none when it matched nowhere. */
export function foundAt(hits: Match[], says: { delta: number; note: string }): { delta: number; spans: Span[]; note: string }[] {
  return hits.length === 0 ? [] : [{ ...says, spans: dedupe(hits.map(span)) }];
}

export function dedupe(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const prev = out.at(-1);
    if (prev && s.start <= prev.end) prev.end = Math.max(prev.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

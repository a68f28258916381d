// Where a detector's finding points (the span of each match, overlapping ones merged), and detectors whose finding varies only in where.
import type { Detector, ReplyContext, Span } from '../detectors';
import type { Match, Reading } from '../nlp';

export const span = (m: Match): Span => ({ start: m.start, end: m.end });

/** One finding over every place a detector matched, or none when it matched nowhere. */
export function foundAt(hits: Match[], says: { delta: number; note: string }): { delta: number; spans: Span[]; note: string }[] {
  return hits.length === 0 ? [] : [{ ...says, spans: dedupe(hits.map(span)) }];
}

/**
 * A detector whose finding never varies, only where it points: `says` over every place `matches` finds.
 * The same `says` is what its learned model reports (analyze.ts), so rule and model read alike.
 */
export function saysAtMatches({
  matches,
  ...detector
}: Omit<Detector, 'find' | 'says'> & { says: { delta: number; note: string }; matches: (r: Reading, ctx: ReplyContext) => Match[] }): Detector {
  return { ...detector, find: (r, ctx) => foundAt(matches(r, ctx), detector.says) };
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

// Where a detector's finding points (the span of each match, overlapping ones merged), and detectors whose finding varies only in where.
import type { SkillId } from '@/lib/curriculum';
import type { Detector, DetectorId, ReplyContext, Span } from '../detectors';
import type { Match, Reading } from '../nlp';

export const span = (m: Match): Span => ({ start: m.start, end: m.end });

/** One finding over every place a detector matched, or none when it matched nowhere. */
export function foundAt(hits: Match[], says: { delta: number; note: string }): { delta: number; spans: Span[]; note: string }[] {
  return hits.length === 0 ? [] : [{ ...says, spans: dedupe(hits.map(span)) }];
}

type Says = NonNullable<Detector['says']>;

/**
 * The detectors of one principle: the skill and principle are named once, here, and each detector
 * adds its id and how it finds.
 */
export function detectorsOf(skill: SkillId, principle: string) {
  return (id: DetectorId, how: Omit<Detector, 'id' | 'skill' | 'principle'>): Detector => ({ id, skill, principle, ...how });
}

/**
 * A finding that never varies, only where it points: `says` over every place `matches` finds.
 * The same `says` is what a learned model reports for the detector (analyze.ts), so rule and model read alike.
 */
export function saysAt(matches: (r: Reading, ctx: ReplyContext) => Match[], says: Says): Pick<Detector, 'find' | 'says'> {
  return { says, find: (r, ctx) => foundAt(matches(r, ctx), says) };
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

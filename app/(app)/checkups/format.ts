// Shared wording for check-up pages: dates, score changes and cadence, so both pages say things the same way.
import { signed } from '@/lib/content/labels';

export const day = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "+6", "−4" or "no change", for a score against the previous check-up. */
export function change(now: number | null, before: number | null | undefined): string | null {
  if (now === null || before === null || before === undefined) return null;
  const d = now - before;
  return d === 0 ? 'no change' : signed(d);
}

/** "+6 (was 60)", or "—" when either check-up has no score. */
export function changeFrom(now: number | null, before: number | null | undefined): string {
  const c = change(now, before);
  return c === null ? '—' : `${c} (was ${before})`;
}

export function cadence(recurDays: number | null): string {
  if (recurDays === null) return 'Once';
  if (recurDays % 7 === 0 && recurDays < 70) return recurDays === 7 ? 'Every week' : `Every ${recurDays / 7} weeks`;
  return `Every ${recurDays} days`;
}

// Display formatting, in one place so every page writes a date, a change, a share or a wait the same way.
// Dates are shown in UTC, so a page prerendered or read from another time zone says the same day.

const utc = (d: Date, options: Intl.DateTimeFormatOptions) => d.toLocaleDateString('en-GB', { ...options, timeZone: 'UTC' });

/** "3 Mar 2025": a day anywhere on a page. */
export const day = (d: Date) => utc(d, { day: 'numeric', month: 'short', year: 'numeric' });

/** "3 Mar": a week on a chart's axis, where the year is plain from its neighbours. */
export const dayMonth = (d: Date) => utc(d, { day: 'numeric', month: 'short' });

/** "Mon 3 Mar": a due date close enough that the weekday matters more than the year. */
export const weekdayDay = (d: Date) => utc(d, { weekday: 'short', day: 'numeric', month: 'short' });

/** "2025-03-03 14:05:09": a moment in the activity log, to the second, sortable by eye. */
export const dateTime = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

/** "Today", "Yesterday", "12 days ago", then the day itself from 60 days back; "Never" for no date. */
export function ago(d: Date | null, now: Date): string {
  if (!d) return 'Never';
  const days = Math.floor((now.getTime() - d.getTime()) / 86_400_000);
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days < 60) return `${days} days ago`;
  return day(d);
}

/** "2,000": a count large enough to want its thousands marked. */
export const count = (n: number) => n.toLocaleString('en');

/** "42%", from a share between 0 and 1. */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A score change as shown beside a skill: "+2", "−1" (a true minus sign), "0". */
export const signed = (n: number): string => (n > 0 ? `+${n}` : `${n}`.replace('-', '−'));

/** "+6", "−4" or "no change", for a score against the previous check-up; null when either has no score. */
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

/** How often a check-up plan repeats: "Once", "Every week", "Every 2 weeks", "Every 90 days". */
export function cadence(recurDays: number | null): string {
  if (recurDays === null) return 'Once';
  if (recurDays % 7 === 0 && recurDays < 70) return recurDays === 7 ? 'Every week' : `Every ${recurDays / 7} weeks`;
  return `Every ${recurDays} days`;
}

/** A wait in whole minutes, rounded up and never "0": "1 minute", "15 minutes". */
export function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return `${m} minute${m === 1 ? '' : 's'}`;
}

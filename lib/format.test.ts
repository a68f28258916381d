// The display formats: the exact strings pages show, so a change to one is a choice, not an accident.
import { describe, expect, it } from 'vitest';
import { ago, cadence, change, changeFrom, count, dateTime, day, dayMonth, minutes, percent, signed, weekdayDay } from './format';

const at = new Date('2025-03-03T23:30:00Z');

describe('dates, in UTC whatever the machine’s time zone', () => {
  it('writes a day, a day of a week, a due day and a moment', () => {
    expect(day(at)).toBe('3 Mar 2025');
    expect(dayMonth(at)).toBe('3 Mar');
    expect(weekdayDay(at)).toBe('Mon 3 Mar');
    expect(dateTime(at)).toBe('2025-03-03 23:30:00');
  });

  it('says how long ago, then the day itself after 60 days', () => {
    const now = new Date('2025-05-10T12:00:00Z');
    const daysBack = (n: number) => new Date(now.getTime() - n * 86_400_000);
    expect(ago(null, now)).toBe('Never');
    expect(ago(daysBack(0), now)).toBe('Today');
    expect(ago(daysBack(1), now)).toBe('Yesterday');
    expect(ago(daysBack(59), now)).toBe('59 days ago');
    expect(ago(daysBack(60), now)).toBe('11 Mar 2025');
  });
});

describe('numbers', () => {
  it('marks thousands, rounds shares and signs changes with a true minus', () => {
    expect(count(2000)).toBe('2,000');
    expect(percent(0.416)).toBe('42%');
    expect([signed(2), signed(-1), signed(0)]).toEqual(['+2', '−1', '0']);
  });

  it('words a check-up score against the previous one', () => {
    expect(change(66, 60)).toBe('+6');
    expect(change(60, 60)).toBe('no change');
    expect(change(null, 60)).toBeNull();
    expect(changeFrom(56, 60)).toBe('−4 (was 60)');
    expect(changeFrom(56, undefined)).toBe('—');
  });

  it('words a plan’s cadence and a wait', () => {
    expect([cadence(null), cadence(7), cadence(14), cadence(90)]).toEqual(['Once', 'Every week', 'Every 2 weeks', 'Every 90 days']);
    expect([minutes(1), minutes(60), minutes(61), minutes(900)]).toEqual(['1 minute', '1 minute', '2 minutes', '15 minutes']);
  });
});

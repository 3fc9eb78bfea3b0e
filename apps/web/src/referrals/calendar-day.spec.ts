import { describe, expect, it } from '@jest/globals';
import { daysBetween, localCalendarDay, withUnbreakableTime } from './calendar-day';

describe('calendar days', () => {
  it('counts whole days across a month’s end and a clock change', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('bientôt', '2026-03-30')).toBeNaN();
  });

  it('reads today where the reader is, late in the evening included', () => {
    expect(localCalendarDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localCalendarDay(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });

  it('keeps a time on one line', () => {
    expect(withUnbreakableTime('jeudi 24 décembre 2026 à 11 h 31')).toBe(
      'jeudi 24 décembre 2026 à 11\u00a0h\u00a031',
    );
  });
});

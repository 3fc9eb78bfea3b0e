import { describe, expect, it } from '@jest/globals';
import { lastFullYear, lastTwelveMonths, yearToDate } from './report-periods';

describe('report periods', () => {
  it('offers the last full year, the year to date and the last twelve full months', () => {
    const today = new Date(2027, 2, 15);
    expect(lastFullYear(today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(yearToDate(today)).toEqual({ from: '2027-01-01', to: '2027-03-14' });
    expect(lastTwelveMonths(today)).toEqual({ from: '2026-03-01', to: '2027-02-28' });
  });

  it('on the 1st of January, the year to date is last year’s', () => {
    expect(yearToDate(new Date(2027, 0, 1))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});

import { monthlySeries, parisWallTime } from './monthly-series';

describe('monthly series', () => {
  it('keeps the second Tuesday at 14:00 in Paris, across the change to winter time', () => {
    // Tuesday 13 October 2026, 14:00 in Paris (UTC+2).
    const series = monthlySeries(new Date('2026-10-13T12:00:00Z'), 3);
    expect(series.map((date) => date.toISOString())).toEqual([
      '2026-10-13T12:00:00.000Z',
      '2026-11-10T13:00:00.000Z', // second Tuesday of November, 14:00 in Paris (UTC+1)
      '2026-12-08T13:00:00.000Z',
    ]);
    for (const date of series) expect(parisWallTime(date)).toMatchObject({ hour: 14, minute: 0 });
  });

  it('follows a fifth weekday as the last one of shorter months', () => {
    // Thursday 29 October 2026 is the fifth Thursday; November's last Thursday is the 26th.
    const [, next] = monthlySeries(new Date('2026-10-29T08:30:00Z'), 2);
    expect(parisWallTime(next)).toMatchObject({ year: 2026, month: 11, day: 26, hour: 9, minute: 30 });
  });

  it('crosses the year', () => {
    const series = monthlySeries(new Date('2026-12-01T09:00:00Z'), 2);
    expect(parisWallTime(series[1])).toMatchObject({ year: 2027, month: 1, day: 5 });
  });
});

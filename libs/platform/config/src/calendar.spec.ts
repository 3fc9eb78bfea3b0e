import {
  addDays,
  addMonths,
  addWorkingDays,
  easterSunday,
  frenchDate,
  frenchPublicHolidays,
  isCalendarDate,
  isWorkingDay,
  parisDate,
} from './calendar';

describe('calendar dates', () => {
  it('reads the day in Paris, not in UTC', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(parisDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('gives every minute of a year, both clock changes included, the day a Paris calendar shows', () => {
    const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });
    const start = Date.UTC(2026, 0, 1);
    // Forwards, then back: the answer kept for an hour must never outlive its day.
    for (const step of [17 * 60_000, -23 * 60_000]) {
      for (let minute = 0; minute < 366 * 24 * 60; minute += Math.abs(step) / 60_000) {
        const moment = new Date(
          step > 0 ? start + minute * 60_000 : start + 366 * 86_400_000 - minute * 60_000,
        );
        if (parisDate(moment) !== paris.format(moment))
          throw new Error(`jour faux à ${moment.toISOString()}`);
      }
    }
  });

  it('refuses dates that do not exist', () => {
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('01/02/2027')).toBe(false);
  });

  it('adds months, keeping to the end of shorter months', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2026-11-24', 12)).toBe('2027-11-24');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('writes dates as French readers expect', () => {
    expect(frenchDate('2027-03-03')).toBe('3 mars 2027');
  });
});

describe('French working days', () => {
  it('computes Easter for known years', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2024)).toBe('2024-03-31');
  });

  it('lists the eleven public holidays, movable ones included', () => {
    const holidays = frenchPublicHolidays(2027);
    expect(holidays.size).toBe(11);
    expect([...holidays]).toEqual(
      expect.arrayContaining(['2027-03-29', '2027-05-06', '2027-05-17', '2027-07-14', '2027-11-11']),
    );
  });

  it('skips weekends and holidays when counting five working days', () => {
    // Monday 2026-12-21 + 5 working days: 22, 23, 24, (25 Christmas), 28, 29.
    expect(addWorkingDays('2026-12-21', 5)).toBe('2026-12-29');
    // Friday 2027-04-30: (1 May Saturday), 3, 4, 5, (6 Ascension), 7, 10.
    expect(addWorkingDays('2027-04-30', 5)).toBe('2027-05-10');
    // A referral on a Saturday counts from the next Monday.
    expect(addWorkingDays('2026-12-05', 5)).toBe('2026-12-11');
  });

  it('knows a working day', () => {
    expect(isWorkingDay('2026-12-01')).toBe(true);
    expect(isWorkingDay('2026-12-05')).toBe(false);
    expect(isWorkingDay('2027-05-17')).toBe(false);
  });
});

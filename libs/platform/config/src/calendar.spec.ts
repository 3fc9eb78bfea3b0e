import { addDays, addMonths, frenchDate, isCalendarDate, parisDate } from './calendar';

describe('calendar dates', () => {
  it('reads the day in Paris, not in UTC', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(parisDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
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

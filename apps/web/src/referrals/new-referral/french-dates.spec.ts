import { describe, expect, it } from '@jest/globals';
import { addMonths, parisDay } from './french-dates';

describe('calendar days as the api counts them', () => {
  it('counts today at Paris, whatever the machine’s zone', () => {
    expect(parisDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(parisDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('adds months as the api does, ending at the month’s last day', () => {
    expect(addMonths('2026-12-03', 12)).toBe('2027-12-03');
    expect(addMonths('2027-03-31', 1)).toBe('2027-04-30');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
});

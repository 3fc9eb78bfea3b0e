import { describe, expect, it } from '@jest/globals';
import { addMonths, frenchDay, frenchTime, parisDay } from './french-dates';

describe('days and times in French', () => {
  it('counts today at Paris, whatever the machine’s zone', () => {
    expect(parisDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(parisDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('writes a day as people write it, with « 1er »', () => {
    expect(frenchDay('2026-12-22')).toBe('mardi 22 décembre 2026');
    expect(frenchDay('2027-01-01')).toBe('vendredi 1er janvier 2027');
    expect(frenchDay('pas une date')).toBe('pas une date');
  });

  it('writes an hour as « 13 h 30 », at Paris time', () => {
    expect(frenchTime(new Date('2026-12-03T12:30:00Z'))).toBe('13 h 30');
    expect(frenchTime(new Date('2026-07-03T07:05:00Z'))).toBe('9 h 05');
  });

  it('adds months as the api does, ending at the month’s last day', () => {
    expect(addMonths('2026-12-03', 12)).toBe('2027-12-03');
    expect(addMonths('2027-03-31', 1)).toBe('2027-04-30');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
});

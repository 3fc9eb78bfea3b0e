import { describe, expect, it } from '@jest/globals';
import { frenchCalendarDate, frenchDate, frenchDateTime, frenchTime } from './written-dates';

const PARIS = { timeZone: 'Europe/Paris' };

describe('French dates', () => {
  it('writes a moment as people do, in the given time zone', () => {
    expect(frenchDateTime('2026-12-22T12:30:00Z', PARIS)).toBe('mardi 22 décembre 2026 à 13 h 30');
    expect(frenchTime('2026-07-03T07:05:00Z', PARIS)).toBe('9 h 05');
    expect(frenchTime('2026-07-03T22:00:00Z', PARIS)).toBe('0 h 00');
  });

  it('writes the first of the month « 1er »', () => {
    expect(frenchDate('2026-03-01T10:00:00Z', PARIS)).toBe('dimanche 1er mars 2026');
    expect(frenchDate('2026-03-01T10:00:00Z', { ...PARIS, weekday: false })).toBe('1er mars 2026');
  });

  it('keeps a calendar day the same day wherever the reader is', () => {
    expect(frenchCalendarDate('2026-05-14')).toBe('jeudi 14 mai 2026');
    expect(frenchCalendarDate('2026-05-01', { weekday: false })).toBe('1er mai 2026');
    expect(frenchCalendarDate('bientôt')).toBe('bientôt');
  });
});

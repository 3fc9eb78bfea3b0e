import { describe, expect, it } from '@jest/globals';
import { dayText, parseDayText } from './day-text';

describe('days typed as people write them', () => {
  it('reads the usual French ways of writing a day', () => {
    expect(parseDayText('14/03/1971')).toBe('1971-03-14');
    expect(parseDayText(' 4/3/1971 ')).toBe('1971-03-04');
    expect(parseDayText('14.03.1971')).toBe('1971-03-14');
    expect(parseDayText('14-03-1971')).toBe('1971-03-14');
    expect(parseDayText('14 03 1971')).toBe('1971-03-14');
    expect(parseDayText('1971-03-14')).toBe('1971-03-14');
  });

  it('refuses what is not a real day', () => {
    expect(parseDayText('31/02/2026')).toBeUndefined();
    expect(parseDayText('29/02/2027')).toBeUndefined();
    expect(parseDayText('14/13/1971')).toBeUndefined();
    expect(parseDayText('14/03/71')).toBeUndefined();
    expect(parseDayText('hier')).toBeUndefined();
    expect(parseDayText('')).toBeUndefined();
  });

  it('writes the api’s day back the French way', () => {
    expect(dayText('1971-03-14')).toBe('14/03/1971');
    expect(dayText(null)).toBe('');
    expect(dayText('bientôt')).toBe('bientôt');
  });
});

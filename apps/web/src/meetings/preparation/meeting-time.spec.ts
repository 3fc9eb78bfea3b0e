import { describe, expect, it } from '@jest/globals';
import { parseTimeText, startsAtOf } from './meeting-time';

describe('a meeting’s typed time', () => {
  it('reads the ways people write a time', () => {
    expect(parseTimeText('14 h 30')).toEqual({ hour: 14, minute: 30 });
    expect(parseTimeText('9h')).toEqual({ hour: 9, minute: 0 });
    expect(parseTimeText('09:05')).toEqual({ hour: 9, minute: 5 });
  });

  it('is no time beyond the day’s hours or in other words', () => {
    expect(parseTimeText('24 h 00')).toBeUndefined();
    expect(parseTimeText('14 h 75')).toBeUndefined();
    expect(parseTimeText('midi')).toBeUndefined();
  });

  it('makes the moment of a day and a time, in the reader’s time zone', () => {
    const at = startsAtOf('22/12/2026', '14 h 30');
    expect(at).toBeDefined();
    const moment = new Date(at!);
    expect([
      moment.getFullYear(),
      moment.getMonth(),
      moment.getDate(),
      moment.getHours(),
      moment.getMinutes(),
    ]).toEqual([2026, 11, 22, 14, 30]);
    expect(startsAtOf('31/02/2026', '14 h')).toBeUndefined();
    expect(startsAtOf('22/12/2026', '')).toBeUndefined();
  });
});

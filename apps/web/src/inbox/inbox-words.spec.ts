import { describe, expect, it } from '@jest/globals';
import { countWords, daysSince, lateWords, sinceWords } from './inbox-words';

describe('the inbox’s words for how long something has waited', () => {
  it('counts days, then months from sixty days', () => {
    expect(sinceWords(0)).toBe('depuis aujourd’hui');
    expect(sinceWords(1)).toBe('depuis 1 jour');
    expect(sinceWords(3)).toBe('depuis 3 jours');
    expect(sinceWords(59)).toBe('depuis 59 jours');
    expect(sinceWords(75)).toBe('depuis 2 mois');
    expect(sinceWords(Number.NaN)).toBe('depuis aujourd’hui');
  });

  it('counts calendar days where the reader is, not periods of 24 hours', () => {
    const late = new Date(2026, 11, 1, 23, 30).toISOString();
    expect(daysSince(late, '2026-12-02')).toBe(1);
    expect(daysSince(late, '2026-12-01')).toBe(0);
    expect(daysSince(null, '2026-12-01')).toBe(0);
  });

  it('says an action is late from the day after its due day', () => {
    expect(lateWords('2026-12-01', '2026-12-02')).toBe('en retard depuis 1 jour');
    expect(lateWords('2026-11-28', '2026-12-01')).toBe('en retard depuis 3 jours');
  });

  it('says when more follow than the heading counts', () => {
    expect(countWords(3, false)).toBe('3');
    expect(countWords(10, true)).toBe('10 ou plus');
  });
});

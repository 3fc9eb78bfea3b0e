import { describe, expect, it } from '@jest/globals';
import { offsetsInWords, parseOffsets, repeatsInWords } from './reminder-words';

describe('reminder words', () => {
  it('says each moment relative to its date', () => {
    expect(offsetsInWords([-7, -1], false)).toBe('7 jours avant, 1 jour avant');
    expect(offsetsInWords([0, 2], true)).toBe('le jour même, 2 jours ouvrés après');
    expect(offsetsInWords([], false)).toBe('aucun moment');
  });

  it('says the repeats, or that there are none', () => {
    expect(repeatsInWords(null, 3)).toBe('pas de relance');
    expect(repeatsInWords(7, 0)).toBe('pas de relance');
    expect(repeatsInWords(7, 2)).toBe('relancé tous les 7 jours, 2 fois au plus');
  });

  it('reads the days as typed, with commas or spaces, and refuses anything else', () => {
    expect(parseOffsets('-7, -1')).toEqual([-7, -1]);
    expect(parseOffsets(' 3 ; 10 ')).toEqual([3, 10]);
    expect(parseOffsets('')).toEqual([]);
    expect(parseOffsets('-7, une semaine')).toBeUndefined();
    expect(parseOffsets('1.5')).toBeUndefined();
  });
});

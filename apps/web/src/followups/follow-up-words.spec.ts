import { describe, expect, it } from '@jest/globals';
import {
  daysSinceWords,
  durationWords,
  nextPhase,
  renewalsWords,
  replacementWords,
  shareWords,
} from './follow-up-words';

describe('follow-up words', () => {
  it('offers the next phase one step at a time, never « Terminé » (ending is its own act)', () => {
    expect(nextPhase('ORIENTATION')).toBe('ASSESSMENT');
    expect(nextPhase('SUPPORT')).toBe('HANDOFF');
    expect(nextPhase('HANDOFF')).toBeUndefined();
    expect(nextPhase('ENDED')).toBeUndefined();
  });

  it('writes a dated replacement as people do, and an open end as such', () => {
    expect(replacementWords({ fromOn: '2026-12-07', untilOn: '2026-12-18' })).toBe(
      'Remplacement du 7 décembre 2026 au 18 décembre 2026',
    );
    expect(replacementWords({ fromOn: '2026-12-01', untilOn: null })).toBe(
      'Remplacement à partir du 1er décembre 2026',
    );
    expect(replacementWords({ fromOn: null, untilOn: '2027-01-04' })).toBe(
      'Remplacement jusqu’au 4 janvier 2027',
    );
  });

  it('writes durations, shares and days since the last contact in plain words', () => {
    expect([durationWords(45), durationWords(60), durationWords(90), durationWords(125)]).toEqual([
      '45 min',
      '1 h',
      '1 h 30',
      '2 h 05',
    ]);
    expect(shareWords(2 / 3)).toBe('67\u202f%');
    expect([daysSinceWords(null), daysSinceWords(0), daysSinceWords(1), daysSinceWords(12)]).toEqual([
      'Aucun contact enregistré',
      'Aujourd’hui',
      'Hier',
      'Il y a 12 jours',
    ]);
    expect([renewalsWords(0), renewalsWords(1), renewalsWords(2)]).toEqual([
      'Jamais renouvelé',
      'Renouvelé une fois',
      'Renouvelé 2 fois',
    ]);
  });
});

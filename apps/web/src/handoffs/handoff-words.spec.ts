import { describe, expect, it } from '@jest/globals';
import { proposedAgoWords, remindersWords } from './handoff-words';

describe('the words of a hand-off waiting for its answer', () => {
  it('says how long ago it was proposed in calendar days where the reader is, then in months', () => {
    const lateEvening = new Date(2026, 11, 1, 23, 30).toISOString();
    expect(proposedAgoWords(lateEvening, '2026-12-01')).toBe('proposé aujourd’hui');
    expect(proposedAgoWords(lateEvening, '2026-12-02')).toBe('proposé hier');
    expect(proposedAgoWords(lateEvening, '2026-12-05')).toBe('proposé il y a 4 jours');
    expect(proposedAgoWords(lateEvening, '2027-02-14')).toBe('proposé il y a 2 mois');
  });

  it('counts the reminders sent and dates the latest, whatever their order', () => {
    expect(remindersWords([])).toBe('Aucune relance envoyée');
    expect(remindersWords([new Date(2026, 11, 1, 10).toISOString()])).toBe('1 relance, le 1er décembre 2026');
    expect(
      remindersWords([new Date(2026, 11, 8, 10).toISOString(), new Date(2026, 11, 1, 10).toISOString()]),
    ).toBe('2 relances, la dernière le 8 décembre 2026');
  });
});

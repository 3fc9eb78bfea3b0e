import { answerBy } from './answer-deadline';

describe('answerBy (one month, RGPD article 12.3)', () => {
  it('is the same day of the next month, or its last day when that day does not exist', () => {
    expect(answerBy('2026-03-15')).toBe('2026-04-15');
    expect(answerBy('2027-01-31')).toBe('2027-02-28');
    expect(answerBy('2028-01-31')).toBe('2028-02-29');
    expect(answerBy('2026-12-10')).toBe('2027-01-10');
  });
});

import { fromToday, outsideWindow, PLAUSIBLE_DATES, resolveBound } from './date-window';

// 23:30 UTC on 31 December is already 1 January in Paris.
const now = new Date('2026-12-31T23:30:00Z');

describe('date windows', () => {
  it('counts from today in Paris', () => {
    expect(resolveBound(fromToday(), now)).toBe('2027-01-01');
    expect(resolveBound(fromToday({ years: 5 }), now)).toBe('2032-01-01');
    expect(resolveBound(fromToday({ days: -1 }), now)).toBe('2026-12-31');
    expect(resolveBound('1900-01-01', now)).toBe('1900-01-01');
  });

  it('accepts both ends and refuses beyond, in French with the dates', () => {
    const window = { earliest: '1900-01-01', latest: fromToday() };
    expect(outsideWindow('1900-01-01', window, now)).toBeUndefined();
    expect(outsideWindow('2027-01-01', window, now)).toBeUndefined();
    expect(outsideWindow('2027-01-02', window, now)).toBe(
      'La date doit être comprise entre le 1 janvier 1900 et le 1 janvier 2027.',
    );
    expect(outsideWindow('2027-01-02', { latest: fromToday(), message: 'Une date passée.' }, now)).toBe(
      'Une date passée.',
    );
    expect(outsideWindow('2026-12-31', { earliest: fromToday() }, now)).toBe(
      'La date doit être le 1 janvier 2027 ou après.',
    );
  });

  it('keeps every date between 1900 and 2100', () => {
    expect(outsideWindow('9999-01-01', PLAUSIBLE_DATES, now)).toMatch(/^La date doit être comprise entre/);
    expect(outsideWindow('1899-12-31', PLAUSIBLE_DATES, now)).toBeDefined();
    expect(outsideWindow('2100-12-31', PLAUSIBLE_DATES, now)).toBeUndefined();
  });
});

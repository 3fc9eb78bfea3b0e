import { isValidFiness, isValidSiret } from './identifiers';

describe('French identifiers', () => {
  it('checks SIRET with its Luhn key', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
  });
  it('checks FINESS shape and key', () => {
    expect(isValidFiness('590000766')).toBe(true);
    expect(isValidFiness('590000767')).toBe(false);
    expect(isValidFiness('59000076')).toBe(false);
  });
});

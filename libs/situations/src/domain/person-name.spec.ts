import { ageBandOf, ageOn, AgeBand } from './age-band';
import { CASE_CODE_PATTERN, newCaseCode } from './case-code';
import { duplicateKeyOf, initialsOf, normalizeName } from './person-name';

describe('names', () => {
  it('normalizes accents, case, hyphens and apostrophes', () => {
    expect(normalizeName('  Dupont-Lefèvre ')).toBe('dupont lefevre');
    expect(normalizeName("D'Artagnan")).toBe('d artagnan');
  });

  it('gives initials the cell can say aloud', () => {
    expect(initialsOf('Élodie', 'Martin')).toBe('E. M.');
  });

  it('finds the same person written differently, names swapped included, but not another one', () => {
    const key = duplicateKeyOf('t1', 'Élise', 'DUPONT-Lefèvre', '1971-03-14');
    expect(duplicateKeyOf('t1', 'elise', 'dupont lefevre', '1971-03-14')).toBe(key);
    expect(duplicateKeyOf('t1', 'Dupont Lefèvre', 'Élise', '1971-03-14')).toBe(key);
    expect(duplicateKeyOf('t1', 'Élise', 'Dupont-Lefèvre', '1971-03-15')).not.toBe(key);
    expect(duplicateKeyOf('t2', 'Élise', 'Dupont-Lefèvre', '1971-03-14')).not.toBe(key);
    expect(duplicateKeyOf('t1', 'Élise', 'Dupont-Lefèvre', null)).toBeNull();
  });
});

describe('age bands', () => {
  it('counts whole years, birthdays included', () => {
    expect(ageOn('2008-11-24', '2026-11-24')).toBe(18);
    expect(ageOn('2008-11-25', '2026-11-24')).toBe(17);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });

  it('puts each age in its band', () => {
    expect(ageBandOf('2008-11-25', '2026-11-24')).toBe(AgeBand.UNDER_18);
    expect(ageBandOf('2008-11-24', '2026-11-24')).toBe(AgeBand.AGE_18_24);
    expect(ageBandOf('1951-11-24', '2026-11-24')).toBe(AgeBand.AGE_75_PLUS);
    expect(ageBandOf('1951-11-25', '2026-11-24')).toBe(AgeBand.AGE_60_74);
    expect(ageBandOf(null, '2026-11-24')).toBe(AgeBand.UNKNOWN);
  });
});

describe('case codes', () => {
  it('are random, readable aloud, and almost never repeat', () => {
    const codes = Array.from({ length: 2000 }, newCaseCode);
    for (const code of codes) {
      expect(code).toMatch(CASE_CODE_PATTERN);
      expect(code).not.toMatch(/[ILOU]/);
    }
    expect(new Set(codes).size).toBeGreaterThan(1990);
  });
});

import { conditionsImply } from './rule-implication';

describe('one rule’s rows within another’s', () => {
  const territory = { territoryId: { $in: ['a', 'b'] } };

  it('holds for a narrower territory list and further conditions', () => {
    expect(
      conditionsImply(
        { territoryId: { $in: ['a'] }, status: 'ACCEPTED', 'person.consents': { $elemMatch: {} } },
        {
          ...territory,
          status: { $ne: 'DRAFT' },
        },
      ),
    ).toBe(true);
    expect(conditionsImply({ territoryId: 'b' }, territory)).toBe(true);
  });

  it('fails on a territory outside the list, a missing field, or the excluded value', () => {
    expect(conditionsImply({ territoryId: { $in: ['a', 'c'] } }, territory)).toBe(false);
    expect(conditionsImply({ status: 'ACCEPTED' }, territory)).toBe(false);
    expect(
      conditionsImply({ ...territory, status: 'DRAFT' }, { ...territory, status: { $ne: 'DRAFT' } }),
    ).toBe(false);
    expect(
      conditionsImply({ ...territory, status: { $ne: 'X' } }, { ...territory, status: { $ne: 'DRAFT' } }),
    ).toBe(false);
  });

  it('treats an unconditional rule as matching everything', () => {
    expect(conditionsImply({ ...territory }, undefined)).toBe(true);
    expect(conditionsImply(undefined, territory)).toBe(false);
  });
});

describe('what the implication check refuses to claim', () => {
  it('answers false on shapes it does not reason about, which only costs a column', () => {
    const coordinator = { territoryId: { $in: ['a'] } };
    expect(conditionsImply({ territoryId: { $nin: ['b'] } }, coordinator)).toBe(false);
    expect(conditionsImply({ territoryId: { $in: ['a'] } }, { territoryId: { $nin: ['b'] } })).toBe(false);
    expect(
      conditionsImply({ territoryId: 'a', status: { $in: ['A', 'DRAFT'] } }, { status: { $ne: 'DRAFT' } }),
    ).toBe(false);
    expect(
      conditionsImply(
        { territoryId: 'a', circle: { $elemMatch: { organisationId: 'x' } } },
        { circle: { $elemMatch: { organisationId: 'y' } } },
      ),
    ).toBe(false);
    expect(conditionsImply({ territoryId: 'a' }, { territoryId: { $in: ['a'] }, status: 'ACCEPTED' })).toBe(
      false,
    );
  });

  it('holds on the same relation condition written alike', () => {
    const circle = { circle: { $elemMatch: { organisationId: 'x' } } };
    expect(
      conditionsImply({ territoryId: 'a', ...circle, status: 'ACCEPTED' }, { territoryId: 'a', ...circle }),
    ).toBe(true);
  });
});

import { DataCategory, Role, SharingCategory, territorySharingMatrix } from '@relais/access';
import {
  categoriesReachedBy,
  SECOND_FACTOR_CATEGORIES,
  secondFactorRequired,
} from './second-factor-requirement';

const { HEALTH, SOCIAL_MEDICOSOCIAL, NOT_LISTED } = SharingCategory;

describe('who signs in with a second factor', () => {
  it('counts IDENTITY and every category after it, not logistics', () => {
    expect(SECOND_FACTOR_CATEGORIES.has(DataCategory.LOGISTIC)).toBe(false);
    expect([...SECOND_FACTOR_CATEGORIES]).toEqual([
      DataCategory.IDENTITY,
      DataCategory.HOUSING,
      DataCategory.SOCIAL_CONFIDENTIAL,
      DataCategory.HEALTH_SECRET,
    ]);
  });

  it.each([
    [Role.COORDINATOR, NOT_LISTED],
    [Role.REFERRER, NOT_LISTED],
    [Role.CELL_MEMBER, SOCIAL_MEDICOSOCIAL],
    [Role.CELL_MEMBER, NOT_LISTED],
    [Role.FOLLOWUP_PRACTITIONER, HEALTH],
    [Role.TERRITORY_ADMIN, NOT_LISTED],
  ])('requires it of a %s (%s) under the default matrix', (role, category) => {
    expect(secondFactorRequired(category, [{ roles: [role] }])).toBe(true);
  });

  it('does not require it of an auditor, nor of a member without a role', () => {
    expect(secondFactorRequired(NOT_LISTED, [{ roles: [Role.AUDITOR] }])).toBe(false);
    expect(secondFactorRequired(HEALTH, [{ roles: [] }])).toBe(false);
    expect(secondFactorRequired(HEALTH, [])).toBe(false);
  });

  it('follows the territory matrix: a cell member it leaves with logistics only is not required', () => {
    const logisticsOnly = territorySharingMatrix({ NOT_LISTED: [DataCategory.LOGISTIC] });
    expect(categoriesReachedBy(Role.CELL_MEMBER, NOT_LISTED, logisticsOnly)).toEqual(
      new Set([DataCategory.LOGISTIC]),
    );
    expect(
      secondFactorRequired(NOT_LISTED, [{ roles: [Role.CELL_MEMBER], sharingMatrix: logisticsOnly }]),
    ).toBe(false);
    // The coordinator reads by role, whatever the matrix.
    expect(
      secondFactorRequired(NOT_LISTED, [{ roles: [Role.COORDINATOR], sharingMatrix: logisticsOnly }]),
    ).toBe(true);
  });

  it('is required of every member where the territory extends it, in that territory only', () => {
    expect(
      secondFactorRequired(NOT_LISTED, [{ roles: [Role.AUDITOR], secondFactorForAllMembers: true }]),
    ).toBe(true);
    expect(
      secondFactorRequired(NOT_LISTED, [
        { roles: [Role.AUDITOR] },
        { roles: [], secondFactorForAllMembers: true },
      ]),
    ).toBe(false);
  });

  it('is required when one of several memberships needs it', () => {
    expect(
      secondFactorRequired(SOCIAL_MEDICOSOCIAL, [{ roles: [Role.AUDITOR] }, { roles: [Role.CELL_MEMBER] }]),
    ).toBe(true);
  });
});

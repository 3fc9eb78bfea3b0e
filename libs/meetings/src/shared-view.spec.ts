import { DataCategory } from '@relais/access';
import { sharedView } from './shared-view';

const { LOGISTIC, HOUSING, SOCIAL_CONFIDENTIAL, HEALTH_SECRET } = DataCategory;

describe('sharedView: what two readers both see', () => {
  it('keeps the categories both are shown: a nurse’s health notes are not a social coordinator’s', () => {
    const nurse = { categories: new Set([LOGISTIC, HOUSING, SOCIAL_CONFIDENTIAL, HEALTH_SECRET]) };
    const coordinator = { categories: new Set([LOGISTIC, HOUSING, SOCIAL_CONFIDENTIAL]) };
    expect([...sharedView(nurse, coordinator).categories].sort()).toEqual(
      [HOUSING, LOGISTIC, SOCIAL_CONFIDENTIAL].sort(),
    );
    const landlord = { categories: new Set([LOGISTIC, HOUSING]) };
    expect([...sharedView(coordinator, landlord).categories].sort()).toEqual([HOUSING, LOGISTIC].sort());
  });

  it('keeps a limit to some fields from either side, and the fields both allow when both limit', () => {
    const limited = {
      categories: new Set([LOGISTIC, SOCIAL_CONFIDENTIAL]),
      restrictedTo: new Map([[SOCIAL_CONFIDENTIAL, new Set(['summary', 'decisions'])]]),
    };
    const whole = { categories: new Set([LOGISTIC, SOCIAL_CONFIDENTIAL]) };
    expect(sharedView(whole, limited).restrictedTo?.get(SOCIAL_CONFIDENTIAL)).toEqual(
      new Set(['summary', 'decisions']),
    );
    const other = {
      categories: new Set([LOGISTIC, SOCIAL_CONFIDENTIAL]),
      restrictedTo: new Map([[SOCIAL_CONFIDENTIAL, new Set(['decisions'])]]),
    };
    expect(sharedView(limited, other).restrictedTo?.get(SOCIAL_CONFIDENTIAL)).toEqual(new Set(['decisions']));
    expect(sharedView(whole, whole).restrictedTo?.size).toBe(0);
  });
});

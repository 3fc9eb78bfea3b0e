import { OrganisationKind } from './organisation-kind';
import { referrerKindOf, ReferrerKind } from './referrer-kind';

describe('the referrer as told to readers who may not know it', () => {
  it('never tells psychiatric care apart from medico-social or peer support', () => {
    const care = [OrganisationKind.PSYCHIATRY, OrganisationKind.MEDICO_SOCIAL, OrganisationKind.PEER_SUPPORT];
    expect(new Set(care.map(referrerKindOf))).toEqual(new Set([ReferrerKind.CARE_OR_SUPPORT]));
  });

  it('tells the other kinds as they are', () => {
    expect(referrerKindOf(OrganisationKind.HOUSING)).toBe(ReferrerKind.HOUSING);
    expect(referrerKindOf(OrganisationKind.SOCIAL)).toBe(ReferrerKind.SOCIAL);
  });
});

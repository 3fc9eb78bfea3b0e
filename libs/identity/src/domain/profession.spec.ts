import { OrganisationKind } from './organisation-kind';
import { SharingCategory } from '@relais/access';
import { Profession, sharingCategoryOf } from './profession';

describe('sharingCategoryOf', () => {
  it.each([
    [Profession.PSYCHIATRIC_NURSE, OrganisationKind.PSYCHIATRY, SharingCategory.HEALTH],
    [Profession.PSYCHIATRIST, OrganisationKind.PSYCHIATRY, SharingCategory.HEALTH],
    [Profession.SOCIAL_WORKER, OrganisationKind.SOCIAL, SharingCategory.SOCIAL_MEDICOSOCIAL],
    [Profession.FAMILY_SOCIAL_WORKER, OrganisationKind.ASSOCIATION, SharingCategory.SOCIAL_MEDICOSOCIAL],
    [Profession.PSYCHOLOGIST, OrganisationKind.MEDICO_SOCIAL, SharingCategory.SOCIAL_MEDICOSOCIAL],
    [Profession.HOUSING_OFFICER, OrganisationKind.HOUSING, SharingCategory.NOT_LISTED],
    [Profession.CLSM_COORDINATOR, OrganisationKind.PSYCHIATRY, SharingCategory.NOT_LISTED],
  ])('%s at a %s partner is %s', (profession, kind, expected) => {
    expect(sharingCategoryOf(profession, kind)).toBe(expected);
  });

  it.each([OrganisationKind.HOUSING, OrganisationKind.MUNICIPAL, OrganisationKind.JUSTICE_POLICE])(
    'anyone employed by a %s organisation is never listed, even a nurse or a social worker',
    (kind) => {
      expect(sharingCategoryOf(Profession.NURSE, kind)).toBe(SharingCategory.NOT_LISTED);
      expect(sharingCategoryOf(Profession.SOCIAL_WORKER, kind)).toBe(SharingCategory.NOT_LISTED);
    },
  );
});

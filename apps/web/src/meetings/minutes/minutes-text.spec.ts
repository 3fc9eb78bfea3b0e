import { describe, expect, it } from '@jest/globals';
import { attendanceByPartner, noteCategories, publicationShares } from './minutes-text';

const PARTNERS = [
  { id: 'cmp', name: 'CMP Porte' },
  { id: 'habitat', name: 'Habitat Sud' },
  { id: 'ccas', name: 'CCAS Porte' },
];

describe('the minutes page’s words', () => {
  it('offers only note categories, health first, whatever else the api sends', () => {
    expect(noteCategories(['SOCIAL_CONFIDENTIAL', 'HEALTH_SECRET'])).toEqual([
      'HEALTH_SECRET',
      'SOCIAL_CONFIDENTIAL',
    ]);
    expect(noteCategories(['SOCIAL_CONFIDENTIAL', 'LOGISTIC'])).toEqual(['SOCIAL_CONFIDENTIAL']);
    expect(noteCategories([])).toEqual([]);
  });

  it('counts each partner’s attendance by status, in French, partners in alphabetical order', () => {
    expect(
      attendanceByPartner(
        [
          { organisationId: 'habitat', status: 'PRESENT' },
          { organisationId: 'cmp', status: 'PRESENT' },
          { organisationId: 'cmp', status: 'PRESENT' },
          { organisationId: 'cmp', status: 'EXCUSED' },
          { organisationId: 'gone', status: 'REPRESENTED' },
        ],
        PARTNERS,
      ),
    ).toEqual([
      { name: 'CMP Porte', said: '2 présent·es, 1 excusé·e' },
      { name: 'Habitat Sud', said: '1 présent·e' },
      { name: 'Partenaire non répertorié', said: '1 représenté·e' },
    ]);
  });

  it('tells what publication sends each partner: its actions, and whether its members were there', () => {
    const shares = publicationShares(
      {
        attendance: [
          { organisationId: 'cmp', status: 'PRESENT' },
          { organisationId: 'ccas', status: 'EXCUSED' },
        ],
        items: [
          {
            caseCode: 'S-1',
            actions: [
              { description: 'Plan d’apurement', ownerOrganisationId: 'habitat' },
              { description: 'Rendez-vous', ownerOrganisationId: 'cmp' },
            ],
          },
          { caseCode: 'S-2', actions: [{ description: 'Bilan', ownerOrganisationId: 'habitat' }] },
        ],
      },
      PARTNERS,
    );
    // The CCAS was excused and is entrusted with nothing: publication sends it nothing.
    expect(shares).toEqual([
      { name: 'CMP Porte', actions: [{ description: 'Rendez-vous', caseCode: 'S-1' }], attended: true },
      {
        name: 'Habitat Sud',
        actions: [
          { description: 'Plan d’apurement', caseCode: 'S-1' },
          { description: 'Bilan', caseCode: 'S-2' },
        ],
        attended: false,
      },
    ]);
  });
});

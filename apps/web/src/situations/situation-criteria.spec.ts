import { describe, expect, it } from '@jest/globals';
import { DEFAULT_FILTERS, situationCriteria } from './situation-criteria';

describe('the list’s criteria as the api reads them', () => {
  it('asks for the open situations first, and every one when « closes comprises » is chosen', () => {
    expect(situationCriteria(DEFAULT_FILTERS)).toEqual({
      statuses: ['ACCEPTED', 'SCHEDULED', 'EXAMINED', 'ACTIONS_IN_PROGRESS', 'REVIEW_DUE'],
    });
    expect(situationCriteria({ ...DEFAULT_FILTERS, status: 'ALL' })).toEqual({});
    expect(situationCriteria({ ...DEFAULT_FILTERS, status: 'CLOSED' })).toEqual({ statuses: ['CLOSED'] });
  });

  it('leaves out empty fields, trims the district and reads the day as typed', () => {
    expect(
      situationCriteria({
        status: 'REVIEW_DUE',
        district: '  Quartier Nord ',
        referrerKind: 'HOUSING',
        reviewDueBy: '3/12/2026',
      }),
    ).toEqual({
      statuses: ['REVIEW_DUE'],
      district: 'Quartier Nord',
      referrerKinds: ['HOUSING'],
      reviewDueBy: '2026-12-03',
    });
    expect(situationCriteria({ ...DEFAULT_FILTERS, district: '   ', reviewDueBy: '31/02/2026' })).toEqual(
      situationCriteria(DEFAULT_FILTERS),
    );
  });
});

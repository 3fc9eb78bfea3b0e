import { describe, expect, it } from '@jest/globals';
import { apiFieldProblems, EMPTY_ACTION, emptyDraft, recordItemInput } from './item-record';

describe('an item as the api records it', () => {
  it('leaves blank lines out, reads the typed days, and maps the api’s paths back to the form’s', () => {
    const draft = {
      ...emptyDraft(['u1']),
      summary: '  ',
      nextReviewOn: '15/03/2027',
      decisions: [
        { text: '', actions: [{ ...EMPTY_ACTION }] },
        {
          text: ' Proposer un accompagnement ',
          actions: [
            { ...EMPTY_ACTION },
            {
              description: 'Appeler la personne',
              ownerOrganisationId: 'ccas',
              ownerUserId: '',
              dueOn: '5/1/2027',
            },
          ],
        },
      ],
    };
    const { input, formPathOf } = recordItemInput('item', draft);
    expect(input).toEqual({
      itemId: 'item',
      presentUserIds: ['u1'],
      personAttended: false,
      summary: null,
      nextReviewOn: '2027-03-15',
      decisions: [
        {
          text: 'Proposer un accompagnement',
          actions: [
            {
              description: 'Appeler la personne',
              ownerOrganisationId: 'ccas',
              ownerUserId: null,
              dueOn: '2027-01-05',
            },
          ],
        },
      ],
    });
    expect(formPathOf.get('decisions.0.actions.0.dueOn')).toBe('decisions.1.actions.1.dueOn');
    expect(formPathOf.get('decisions.0.text')).toBe('decisions.1.text');
    expect(formPathOf.get('nextReviewOn')).toBe('nextReviewOn');
  });

  it('reads the api’s field problems by their whole path', () => {
    expect(
      apiFieldProblems({
        fields: [
          {
            field: 'input.decisions.0.actions.1.dueOn',
            message: "L'échéance doit être aujourd'hui ou plus tard.",
          },
          { field: 'nextReviewOn', message: 'Le réexamen doit être à venir.' },
          { nothing: true },
        ],
      }),
    ).toEqual([
      { path: 'decisions.0.actions.1.dueOn', message: "L'échéance doit être aujourd'hui ou plus tard." },
      { path: 'nextReviewOn', message: 'Le réexamen doit être à venir.' },
    ]);
    expect(apiFieldProblems({})).toEqual([]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { formFieldOf, placeServerProblems, serverFieldProblems } from './server-field-paths';

describe("the api's field paths, on the form's fields", () => {
  it('reads the paths the api sends for a draft, with or without the argument’s name', () => {
    expect(formFieldOf('saveDraft', 'person.phone')).toBe('person.phone');
    expect(formFieldOf('saveDraft', 'input.person.lastName')).toBe('person.lastName');
    expect(formFieldOf('saveDraft', 'form.servicesInvolved')).toBe('form.servicesInvolved');
    expect(formFieldOf('saveDraft', 'form.servicesInvolved.3')).toBe('form.servicesInvolved');
    expect(formFieldOf('saveDraft', 'territoryId')).toBe('territoryId');
    expect(formFieldOf('saveDraft', 'referralId')).toBeUndefined();
    expect(formFieldOf('saveDraft', 'form.unknown')).toBeUndefined();
  });

  it('puts a consent’s fields on the consent step, the cell and the partners on one question', () => {
    expect(formFieldOf('recordConsent', 'collectedOn')).toBe('consent.collectedOn');
    expect(formFieldOf('recordConsent', 'input.informationGiven')).toBe('consent.informationGiven');
    expect(formFieldOf('recordConsent', 'includesCell')).toBe('consent.recipients');
    expect(formFieldOf('recordConsent', 'organisationIds.0')).toBe('consent.recipients');
    expect(formFieldOf('recordConsent', 'referralId')).toBeUndefined();
  });

  it('puts the submission’s conditions on the admissibility questions, and an incomplete form on its step', () => {
    expect(formFieldOf('submitReferral', 'notAnEmergency')).toBe('admissibility.emergency');
    expect(formFieldOf('submitReferral', 'commonLawRoutesTried')).toBe('admissibility.commonLawRoutesTried');
    expect(formFieldOf('submitReferral', 'form.questionToCell')).toBe('form.questionToCell');
  });

  it('goes to the earliest step concerned and keeps what no field shows', () => {
    const placed = placeServerProblems('submitReferral', [
      { field: 'commonLawRoutesTried', message: 'Les voies de droit commun doivent avoir été tentées.' },
      { field: 'form.difficultyAreas', message: 'Choisissez au moins un domaine de difficulté.' },
      { field: 'referralId', message: "L'identifiant n'est pas valide." },
    ]);
    expect(placed).toEqual({
      fields: {
        'admissibility.commonLawRoutesTried': 'Les voies de droit commun doivent avoir été tentées.',
        'form.difficultyAreas': 'Choisissez au moins un domaine de difficulté.',
      },
      unplaced: ["L'identifiant n'est pas valide."],
      step: 2,
    });
    const housing = placeServerProblems('saveDraft', [
      { field: 'form.housingContext', message: 'Trop long.' },
    ]);
    expect(housing.step).toBe(1);
  });

  it('keeps both messages when two paths land on one question', () => {
    const placed = placeServerProblems('recordConsent', [
      { field: 'includesCell', message: 'La cellule doit être nommée.' },
      { field: 'organisationIds', message: 'Un partenaire est inconnu.' },
    ]);
    expect(placed.fields['consent.recipients']).toBe(
      'La cellule doit être nommée. Un partenaire est inconnu.',
    );
    expect(placed.step).toBe(4);
  });

  it('reads whole paths from the extensions, ignoring what is not a field problem', () => {
    expect(
      serverFieldProblems({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'person.phone', message: 'Numéro invalide.' }, { field: 3 }, 'texte'],
      }),
    ).toEqual([{ field: 'person.phone', message: 'Numéro invalide.' }]);
    expect(serverFieldProblems({ code: 'CONFLICT' })).toEqual([]);
  });
});

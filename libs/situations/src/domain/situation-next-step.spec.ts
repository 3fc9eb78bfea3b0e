import { situationNextStep } from './situation-next-step';
import { SituationStatus } from './situation-status';

const facts = { nextReviewOn: null, openActionCount: 0, today: '2026-12-03' };

describe('what comes next for a situation', () => {
  it('says what each status calls for', () => {
    expect(situationNextStep({ ...facts, status: SituationStatus.ACCEPTED })).toBe(
      'À inscrire à l’ordre du jour d’une séance.',
    );
    expect(situationNextStep({ ...facts, status: SituationStatus.EXAMINED })).toBe(
      'Compte rendu de la séance à publier.',
    );
    expect(situationNextStep({ ...facts, status: SituationStatus.CLOSED, nextReviewOn: '2026-01-01' })).toBe(
      'Aucune : la situation est close.',
    );
  });

  it('tells actions still open from none left', () => {
    const status = SituationStatus.ACTIONS_IN_PROGRESS;
    expect(situationNextStep({ ...facts, status, openActionCount: 2 })).toBe('Suivre les actions en cours.');
    expect(situationNextStep({ ...facts, status })).toBe(
      'Plus d’action ouverte : prévoir le réexamen ou clore.',
    );
  });

  it('puts a review date reached first, unless the situation is already on an agenda', () => {
    const reached = { ...facts, nextReviewOn: '2026-12-03', openActionCount: 3 };
    expect(situationNextStep({ ...reached, status: SituationStatus.ACTIONS_IN_PROGRESS })).toBe(
      'Date de réexamen atteinte : l’inscrire à une séance.',
    );
    expect(situationNextStep({ ...reached, status: SituationStatus.SCHEDULED })).toBe(
      'Examen en séance à venir.',
    );
    expect(
      situationNextStep({
        ...reached,
        nextReviewOn: '2026-12-04',
        status: SituationStatus.ACTIONS_IN_PROGRESS,
      }),
    ).toBe('Suivre les actions en cours.');
  });
});

import { SituationStatus } from './situation-status';

/** What the list needs to say what comes next for a situation. */
export interface NextStepFacts {
  status: SituationStatus;
  nextReviewOn: string | null;
  /** Open actions the reader may see. */
  openActionCount: number;
  /** Today, in Paris (AAAA-MM-JJ). */
  today: string;
}

/**
 * « Et ensuite ? » in French, decided here once so every page says the same: a review date passed
 * comes first (the situation waits for the cell), then what its status calls for.
 */
export function situationNextStep(facts: NextStepFacts): string {
  const { status, nextReviewOn, openActionCount, today } = facts;
  if (status === SituationStatus.CLOSED) return 'Aucune : la situation est close.';
  if (status === SituationStatus.REVIEW_DUE) return 'À réexaminer : l’inscrire à une séance.';
  if (nextReviewOn !== null && nextReviewOn <= today && status !== SituationStatus.SCHEDULED)
    return 'Date de réexamen atteinte : l’inscrire à une séance.';
  switch (status) {
    case SituationStatus.ACCEPTED:
      return 'À inscrire à l’ordre du jour d’une séance.';
    case SituationStatus.SCHEDULED:
      return 'Examen en séance à venir.';
    case SituationStatus.EXAMINED:
      return 'Compte rendu de la séance à publier.';
    case SituationStatus.ACTIONS_IN_PROGRESS:
      return openActionCount > 0
        ? 'Suivre les actions en cours.'
        : 'Plus d’action ouverte : prévoir le réexamen ou clore.';
  }
}

import { registerEnumType } from '@nestjs/graphql';

export enum SituationStatus {
  ACCEPTED = 'ACCEPTED',
  SCHEDULED = 'SCHEDULED',
  EXAMINED = 'EXAMINED',
  ACTIONS_IN_PROGRESS = 'ACTIONS_IN_PROGRESS',
  REVIEW_DUE = 'REVIEW_DUE',
  CLOSED = 'CLOSED',
}
registerEnumType(SituationStatus, {
  name: 'SituationStatus',
  description: "État d'une situation suivie.",
  valuesMap: {
    ACCEPTED: { description: 'Saisine acceptée, pas encore inscrite à une séance.' },
    SCHEDULED: { description: "Inscrite à l'ordre du jour d'une séance." },
    EXAMINED: { description: 'Examinée en séance, compte rendu pas encore publié.' },
    ACTIONS_IN_PROGRESS: { description: 'Compte rendu publié : les actions décidées sont en cours.' },
    REVIEW_DUE: { description: 'Date de réexamen atteinte : à réexaminer en séance.' },
    CLOSED: { description: 'Close, avec un motif.' },
  },
});

export const SITUATION_STATUS_LABELS: Record<SituationStatus, string> = {
  ACCEPTED: 'Acceptée',
  SCHEDULED: 'Inscrite à l’ordre du jour',
  EXAMINED: 'Examinée',
  ACTIONS_IN_PROGRESS: 'Actions en cours',
  REVIEW_DUE: 'À réexaminer',
  CLOSED: 'Close',
};

export enum ClosureReason {
  PLAN_COMPLETED_HANDED_TO_COMMON_LAW = 'PLAN_COMPLETED_HANDED_TO_COMMON_LAW',
  PERSON_REFUSED = 'PERSON_REFUSED',
  MOVED_OR_LOST_CONTACT = 'MOVED_OR_LOST_CONTACT',
  DECEASED = 'DECEASED',
  REDIRECTED_OTHER_BODY = 'REDIRECTED_OTHER_BODY',
  NO_LONGER_COMPLEX = 'NO_LONGER_COMPLEX',
}
registerEnumType(ClosureReason, {
  name: 'ClosureReason',
  description: 'Motif de clôture.',
  valuesMap: {
    PLAN_COMPLETED_HANDED_TO_COMMON_LAW: {
      description:
        'Plan mené à bien, relais pris par le droit commun (suppose un passage de relais accepté).',
    },
    PERSON_REFUSED: { description: 'La personne a refusé.' },
    MOVED_OR_LOST_CONTACT: { description: 'La personne a déménagé, ou le contact est perdu.' },
    DECEASED: { description: 'La personne est décédée.' },
    REDIRECTED_OTHER_BODY: { description: 'Réorientée vers une autre instance.' },
    NO_LONGER_COMPLEX: { description: "La situation n'est plus complexe." },
  },
});

/**
 * Every move a situation may make, whoever owns it: meetings schedule and examine, the review
 * job marks reviews due, closing is the coordinator's. Declared once here so no context invents
 * a transition; each owner checks through `assertSituationTransition`.
 */
export const SITUATION_TRANSITIONS: Readonly<Record<SituationStatus, readonly SituationStatus[]>> = {
  ACCEPTED: [SituationStatus.SCHEDULED, SituationStatus.CLOSED],
  SCHEDULED: [SituationStatus.EXAMINED, SituationStatus.ACCEPTED, SituationStatus.CLOSED],
  EXAMINED: [SituationStatus.ACTIONS_IN_PROGRESS, SituationStatus.CLOSED],
  ACTIONS_IN_PROGRESS: [SituationStatus.REVIEW_DUE, SituationStatus.SCHEDULED, SituationStatus.CLOSED],
  REVIEW_DUE: [SituationStatus.SCHEDULED, SituationStatus.CLOSED],
  CLOSED: [],
};

export function canMoveSituation(from: SituationStatus, to: SituationStatus): boolean {
  return SITUATION_TRANSITIONS[from].includes(to);
}

/** Where a situation stands in the retention lifecycle (`libs/reporting/src/retention`). */
export enum SituationRetentionState {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
  ANONYMISED = 'ANONYMISED',
}
registerEnumType(SituationRetentionState, {
  name: 'SituationRetentionState',
  description: 'Où en est une situation dans sa durée de conservation.',
  valuesMap: {
    ACTIVE: { description: 'En base active : lue et modifiée selon les règles habituelles.' },
    ARCHIVED: {
      description: 'Archivée : en lecture seule, visible de la seule coordination, sur demande.',
    },
    ANONYMISED: {
      description: 'Anonymisée : identité et textes libres effacés ; code, dates et états conservés.',
    },
  },
});

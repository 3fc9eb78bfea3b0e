import { registerEnumType } from '@nestjs/graphql';

/** The person's rights a request invokes (RGPD articles 15 to 21). */
export enum DataSubjectRequestKind {
  ACCESS = 'ACCESS',
  RECTIFICATION = 'RECTIFICATION',
  OPPOSITION = 'OPPOSITION',
  ERASURE = 'ERASURE',
  LIMITATION = 'LIMITATION',
}
registerEnumType(DataSubjectRequestKind, {
  name: 'DataSubjectRequestKind',
  description: 'Le droit que la personne exerce (RGPD, articles 15 à 21).',
  valuesMap: {
    ACCESS: { description: 'Droit d’accès (article 15) : obtenir ce que Relais détient sur elle.' },
    RECTIFICATION: { description: 'Droit de rectification (article 16) : corriger une donnée inexacte.' },
    OPPOSITION: { description: 'Droit d’opposition (article 21) : s’opposer au traitement.' },
    ERASURE: { description: 'Droit à l’effacement (article 17), dans la limite des durées de conservation.' },
    LIMITATION: { description: 'Droit à la limitation du traitement (article 18).' },
  },
});

export enum DataSubjectRequestStatus {
  RECEIVED = 'RECEIVED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  REFUSED = 'REFUSED',
}
registerEnumType(DataSubjectRequestStatus, {
  name: 'DataSubjectRequestStatus',
  description: 'Où en est la demande de la personne.',
  valuesMap: {
    RECEIVED: { description: 'Reçue, pas encore traitée.' },
    IN_PROGRESS: { description: 'En cours de traitement.' },
    DONE: { description: 'Satisfaite.' },
    REFUSED: { description: 'Refusée, avec son motif.' },
  },
});

/** The statuses that close a request: its answer is given. */
export const ANSWERED_STATUSES: readonly DataSubjectRequestStatus[] = [
  DataSubjectRequestStatus.DONE,
  DataSubjectRequestStatus.REFUSED,
];

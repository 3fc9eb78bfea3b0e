import { registerEnumType } from '@nestjs/graphql';

export enum ActionStatus {
  TODO = 'TODO',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  BLOCKED = 'BLOCKED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ActionStatus, {
  name: 'ActionStatus',
  description: "État d'une action.",
  valuesMap: {
    TODO: { description: 'À faire : pas encore commencée.' },
    IN_PROGRESS: { description: 'En cours.' },
    DONE: { description: 'Faite.' },
    BLOCKED: { description: 'Bloquée : elle ne peut pas avancer pour le moment.' },
    CANCELLED: { description: 'Annulée : elle ne sera pas faite.' },
  },
});

/** Where an action comes from: a cell decision, or a rule of law (a derogation's duty to inform). */
export enum ActionOrigin {
  DECISION = 'DECISION',
  DEROGATION = 'DEROGATION',
}
registerEnumType(ActionOrigin, {
  name: 'ActionOrigin',
  description: "D'où vient une action : une décision de la cellule, ou une dérogation validée.",
  valuesMap: {
    DECISION: { description: 'Une décision prise en séance.' },
    DEROGATION: {
      description: 'Une dérogation au consentement validée : informer la personne du partage.',
    },
  },
});

/** The order of a list of actions: by due date, then by id so that equal dates keep one order. */
export enum ActionOrder {
  SOONEST_DUE_FIRST = 'SOONEST_DUE_FIRST',
  LATEST_DUE_FIRST = 'LATEST_DUE_FIRST',
}
registerEnumType(ActionOrder, {
  name: 'ActionOrder',
  description: 'Dans quel ordre lister des actions : par échéance.',
  valuesMap: {
    SOONEST_DUE_FIRST: {
      description: 'L’échéance la plus ancienne d’abord : ce qui est en retard, puis ce qui arrive.',
    },
    LATEST_DUE_FIRST: { description: 'L’échéance la plus récente d’abord : pour relire ce qui est fini.' },
  },
});

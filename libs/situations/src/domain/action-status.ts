import { registerEnumType } from '@nestjs/graphql';

export enum ActionStatus {
  TODO = 'TODO',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  BLOCKED = 'BLOCKED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ActionStatus, { name: 'ActionStatus', description: "État d'une action." });

/** Where an action comes from: a cell decision, or a rule of law (a derogation's duty to inform). */
export enum ActionOrigin {
  DECISION = 'DECISION',
  DEROGATION = 'DEROGATION',
}
registerEnumType(ActionOrigin, { name: 'ActionOrigin' });

import type { SchemaEnum } from '../referrals/referral-labels';

export type ActionStatus = SchemaEnum<'ActionStatus'>;

/** One word per status, the same on every page. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  TODO: 'À faire',
  IN_PROGRESS: 'En cours',
  BLOCKED: 'Bloquée',
  DONE: 'Faite',
  CANCELLED: 'Annulée',
};

/** What each status means, under its choice when the status is changed. */
export const ACTION_STATUS_DESCRIPTIONS: Record<ActionStatus, string> = {
  TODO: 'Pas encore commencée.',
  IN_PROGRESS: 'Vous y travaillez.',
  BLOCKED: 'Elle ne peut pas avancer pour le moment : dites pourquoi dans le résultat.',
  DONE: 'Ce qui était demandé est fait.',
  CANCELLED: 'Elle ne sera pas faite : dites pourquoi dans le résultat.',
};

/** In the order a person moves an action along. */
export const ACTION_STATUSES: readonly ActionStatus[] = [
  'TODO',
  'IN_PROGRESS',
  'BLOCKED',
  'DONE',
  'CANCELLED',
];

export const ACTION_ORIGIN_LABELS: Record<SchemaEnum<'ActionOrigin'>, string> = {
  DECISION: 'Décision de la cellule',
  DEROGATION: 'Dérogation au consentement : informer la personne',
};

/** Still waiting on us: « En retard » and « À faire » (a blocked action still waits on its owner). */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['TODO', 'IN_PROGRESS', 'BLOCKED'];

/** « Terminées ». */
export const FINISHED_ACTION_STATUSES: readonly ActionStatus[] = ['DONE', 'CANCELLED'];

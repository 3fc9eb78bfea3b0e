import { ReminderKind } from './reminder-kind';

/**
 * When a kind of reminder fires: `offsetsDays` from its subject's date (an action's due date, a
 * meeting's day, a consent's expiry, the event itself), then every `repeatEveryDays` at most
 * `maxRepeats` more times. A territory may tune each kind within `POLICY_BOUNDS`.
 */
export interface ReminderPolicy {
  readonly enabled: boolean;
  readonly offsetsDays: readonly number[];
  readonly repeatEveryDays: number | null;
  readonly maxRepeats: number;
}

interface KindDefinition extends ReminderPolicy {
  /** French label shown to people. */
  readonly label: string;
  /** Who receives it, in French, for the settings screen. */
  readonly audience: string;
  /** Offsets count working days (French public holidays excluded) rather than calendar days. */
  readonly workingDays?: boolean;
  /**
   * A warning ahead of its subject's date: when every offset falls before the event that plans
   * it (the date is too close), it still comes before the date, sooner (`shortenedWarning`).
   */
  readonly warnsAhead?: boolean;
}

const once = (offset: number) => ({
  enabled: true,
  offsetsDays: [offset],
  repeatEveryDays: null,
  maxRepeats: 0,
});

export const REMINDER_KINDS: Record<ReminderKind, KindDefinition> = {
  ACTION_DUE: {
    ...once(-7),
    offsetsDays: [-7, -1],
    label: 'Action à échéance proche',
    audience: "la personne chargée de l'action (ou son organisation)",
  },
  ACTION_OVERDUE: {
    enabled: true,
    offsetsDays: [1],
    repeatEveryDays: 7,
    maxRepeats: 3,
    label: 'Action en retard',
    audience: "la personne chargée de l'action et la coordination",
  },
  CALL_FOR_ITEMS: {
    ...once(-14),
    label: 'Appel à situations pour la prochaine séance',
    audience: 'les membres de la cellule',
  },
  AGENDA_PUBLISHED: { ...once(0), label: 'Ordre du jour publié', audience: 'les invités de la séance' },
  MINUTES_PUBLISHED: { ...once(0), label: 'Compte rendu publié', audience: 'les participants de la séance' },
  CONSENT_EXPIRING: {
    ...once(-30),
    // A consent given for less than a month is warned about all the same.
    warnsAhead: true,
    label: 'Accord de la personne bientôt échu',
    audience: "la personne qui l'a recueilli et la coordination",
  },
  CONSENT_EXPIRED: {
    // A consent is in force through its expiry day: it has lapsed the day after.
    ...once(1),
    label: 'Accord de la personne échu',
    audience: "la personne qui l'a recueilli et la coordination",
  },
  FOLLOW_UP_REVIEW_DUE: {
    ...once(0),
    label: "Point d'étape de l'accompagnement",
    audience: "l'équipe d'accompagnement",
  },
  FOLLOW_UP_OVERRUN: {
    ...once(0),
    label: 'Accompagnement au-delà de sa fin prévue',
    audience: "l'équipe d'accompagnement et la coordination",
  },
  TEAM_VACANCY: { ...once(0), label: "Rôle vacant dans l'équipe", audience: 'la coordination' },
  HANDOFF_UNANSWERED: {
    ...once(7),
    label: 'Passage de relais sans réponse',
    audience: "l'organisation qui reçoit le relais et celle qui l'a proposé",
  },
  REFERRAL_NOT_ACKNOWLEDGED: {
    ...once(5),
    workingDays: true,
    label: 'Saisine non prise en compte',
    audience: 'la coordination',
  },
  DEROGATION_AWAITING_APPROVAL: {
    ...once(0),
    offsetsDays: [0, 2],
    label: 'Dérogation en attente de validation',
    audience: 'la coordination',
  },
  PERSON_TO_INFORM: {
    ...once(0),
    label: 'Personne à informer du partage',
    audience: 'la personne qui a demandé la dérogation',
  },
  PERSON_ANSWER_MISSING: {
    ...once(15),
    label: 'Réponse de la personne aux propositions attendue',
    audience: 'la coordination',
  },
  SITUATION_INACTIVE: { ...once(60), label: 'Situation sans activité', audience: 'la coordination' },
  REVIEW_DATE_REACHED: {
    ...once(0),
    label: 'Date de réexamen atteinte',
    audience: 'la coordination',
  },
};

/** What a territory may set: a reminder may be moved, never pushed beyond a year. */
export const POLICY_BOUNDS = { minOffsetDays: -90, maxOffsetDays: 365, maxOffsets: 5, maxRepeats: 10 };

export function defaultPolicy(kind: ReminderKind): ReminderPolicy {
  const { enabled, offsetsDays, repeatEveryDays, maxRepeats } = REMINDER_KINDS[kind];
  return { enabled, offsetsDays, repeatEveryDays, maxRepeats };
}

/** The French problems with a tuning, empty when it is acceptable. */
export function policyProblems(policy: ReminderPolicy): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const { minOffsetDays, maxOffsetDays, maxOffsets, maxRepeats } = POLICY_BOUNDS;
  if (policy.enabled && policy.offsetsDays.length === 0)
    problems.push({ field: 'offsetsDays', message: 'Indiquez au moins un délai.' });
  if (policy.offsetsDays.length > maxOffsets)
    problems.push({ field: 'offsetsDays', message: `${maxOffsets} délais au plus.` });
  if (
    policy.offsetsDays.some((days) => !Number.isInteger(days) || days < minOffsetDays || days > maxOffsetDays)
  )
    problems.push({
      field: 'offsetsDays',
      message: `Chaque délai est un nombre entier de jours entre ${minOffsetDays} et ${maxOffsetDays}.`,
    });
  if (
    policy.repeatEveryDays !== null &&
    (!Number.isInteger(policy.repeatEveryDays) || policy.repeatEveryDays < 1 || policy.repeatEveryDays > 90)
  )
    problems.push({ field: 'repeatEveryDays', message: 'La relance se répète tous les 1 à 90 jours.' });
  if (!Number.isInteger(policy.maxRepeats) || policy.maxRepeats < 0 || policy.maxRepeats > maxRepeats)
    problems.push({ field: 'maxRepeats', message: `Entre 0 et ${maxRepeats} relances.` });
  return problems;
}

/**
 * The moments (as offsets in days) a policy fires at: each offset, then the repeats after the
 * last one. Occurrences are numbered from 1 in this order.
 */
export function occurrenceOffsets(policy: ReminderPolicy): number[] {
  if (!policy.enabled) return [];
  const offsets = [...policy.offsetsDays].sort((a, b) => a - b);
  const last = offsets[offsets.length - 1];
  if (policy.repeatEveryDays) {
    for (let repeat = 1; repeat <= policy.maxRepeats; repeat++)
      offsets.push(last + repeat * policy.repeatEveryDays);
  }
  return offsets;
}

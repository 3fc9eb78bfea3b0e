/**
 * The retention periods of a territory, the defaults and why, and the date rules that turn them
 * into steps. Months are calendar months (the law speaks in years and months), counted in UTC.
 */

export interface RetentionPeriods {
  /** A closed situation stays in the active base this long after the last contact. */
  readonly activeMonths: number;
  /** Then archived (read-only, coordination only) this long before it is anonymised. */
  readonly archiveMonths: number;
  /** Audit events are kept this long, then purged (except under a legal hold). */
  readonly auditMonths: number;
}

export type RetentionPeriod = keyof RetentionPeriods;

export const DEFAULT_RETENTION: RetentionPeriods = { activeMonths: 24, archiveMonths: 60, auditMonths: 12 };

/** Bounds a territory may choose within, each with the reason, in French, for whoever changes it. */
export const RETENTION_BOUNDS: Readonly<Record<RetentionPeriod, { min: number; max: number }>> = {
  activeMonths: { min: 12, max: 60 },
  archiveMonths: { min: 12, max: 120 },
  auditMonths: { min: 6, max: 24 },
};

/** Why each default is what it is, stored with the policy and shown with it (French). */
export const DEFAULT_JUSTIFICATIONS: Readonly<Record<RetentionPeriod, string>> = {
  activeMonths:
    'Référentiel de la CNIL pour l’accompagnement social et médico-social : les données d’une personne ' +
    'accompagnée sont conservées en base active au plus deux ans après le dernier contact avec elle, ' +
    'puis archivées ou supprimées (durée proportionnée à la finalité, art. 5.1.e du RGPD).',
  archiveMonths:
    'Archivage intermédiaire de cinq ans : délai de prescription de droit commun des actions ' +
    'personnelles (art. 2224 du Code civil), pendant lequel la cellule peut avoir à justifier de ce ' +
    'qu’elle a fait ; l’archive n’est lue que par la coordination, sur demande. Au plus dix ans ' +
    '(art. 2226 du Code civil, dommage corporel).',
  auditMonths:
    'Recommandation de la CNIL sur la journalisation (délibération n° 2021-122) : les traces sont ' +
    'conservées de six mois à un an, sauf obligation légale ou contentieux (gel juridique) ; douze mois ' +
    'par défaut, jamais moins de six.',
};

export interface RetentionPeriodProblem {
  field: RetentionPeriod | 'justification';
  message: string;
}

const LABELS: Readonly<Record<RetentionPeriod, string>> = {
  activeMonths: 'La conservation en base active',
  archiveMonths: 'La durée d’archivage',
  auditMonths: 'La conservation du journal d’audit',
};

/**
 * Every problem of a proposed set of periods at once, in French, by field: whole months within
 * the bounds, and a justification when the territory departs from the defaults.
 */
export function retentionProblems(
  periods: RetentionPeriods,
  justification: string | null | undefined,
): RetentionPeriodProblem[] {
  const problems: RetentionPeriodProblem[] = [];
  for (const field of Object.keys(RETENTION_BOUNDS) as RetentionPeriod[]) {
    const value = periods[field];
    const { min, max } = RETENTION_BOUNDS[field];
    if (!Number.isInteger(value)) {
      problems.push({ field, message: `${LABELS[field]} se compte en mois entiers.` });
    } else if (value < min) {
      problems.push({ field, message: `${LABELS[field]} ne peut pas être inférieure à ${min} mois.` });
    } else if (value > max) {
      problems.push({ field, message: `${LABELS[field]} ne peut pas dépasser ${max} mois.` });
    }
  }
  const departs = (Object.keys(DEFAULT_RETENTION) as RetentionPeriod[]).some(
    (field) => periods[field] !== DEFAULT_RETENTION[field],
  );
  if (departs && !justification?.trim()) {
    problems.push({
      field: 'justification',
      message: 'Indiquez pourquoi ce territoire s’écarte des durées par défaut.',
    });
  }
  return problems;
}

/** `date` moved by whole calendar months (the last day of a shorter month when the day is missing). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** When a closed situation leaves the active base: the active period after its last contact. */
export function archiveDueAt(lastContactAt: Date, periods: RetentionPeriods): Date {
  return addMonths(lastContactAt, periods.activeMonths);
}

/** When an archived situation is anonymised: the archive period after it was archived. */
export function anonymiseDueAt(archivedAt: Date, periods: RetentionPeriods): Date {
  return addMonths(archivedAt, periods.archiveMonths);
}

/** Audit events that occurred before this instant are past their retention. */
export function auditPurgeBefore(now: Date, periods: RetentionPeriods): Date {
  return addMonths(now, -periods.auditMonths);
}

/** The last contact with the person: the latest of the closing and the last line of the timeline. */
export function lastContactOf(closedAt: Date, lastEventAt: Date | null): Date {
  return lastEventAt && lastEventAt > closedAt ? lastEventAt : closedAt;
}

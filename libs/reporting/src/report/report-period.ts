import { addDays, addMonths, isCalendarDate } from '@relais/config';
import { FieldProblem } from '@relais/graphql';

/** Longer periods would compare little and cost much: three years at most. */
export const MAX_REPORT_YEARS = 3;

/** A report's period and the one it is compared with, inclusive Paris days `YYYY-MM-DD`. */
export interface ReportPeriod {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  /** `YYYY-MM` of every month the period touches, in order. */
  months: string[];
}

/** Every problem with the asked period, by field, in French; empty when it can be reported. */
export function reportPeriodProblems(from: string, to: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isCalendarDate(from))
    problems.push({ field: 'from', message: 'La date de début n’est pas une date valide (AAAA-MM-JJ).' });
  if (!isCalendarDate(to))
    problems.push({ field: 'to', message: 'La date de fin n’est pas une date valide (AAAA-MM-JJ).' });
  if (problems.length) return problems;
  if (from > to) {
    problems.push({ field: 'from', message: 'La date de début doit précéder la date de fin.' });
  } else if (to >= addMonths(from, 12 * MAX_REPORT_YEARS)) {
    problems.push({ field: 'to', message: `Un bilan couvre ${MAX_REPORT_YEARS} ans au plus.` });
  }
  return problems;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function isFirstOfMonth(date: string): boolean {
  return date.endsWith('-01');
}

function isLastOfMonth(date: string): boolean {
  return isFirstOfMonth(addDays(date, 1));
}

/**
 * The period and the one just before it, of the same length: whole months are compared with as
 * many whole months (a calendar year with the previous one, leap day or not), any other span with
 * as many days. The period is assumed valid (`reportPeriodProblems` first).
 */
export function reportPeriod(from: string, to: string): ReportPeriod {
  let previousFrom: string;
  if (isFirstOfMonth(from) && isLastOfMonth(to)) {
    const [fromYear, fromMonth] = from.split('-').map(Number);
    const [toYear, toMonth] = to.split('-').map(Number);
    const months = (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
    previousFrom = addMonths(from, -months);
  } else {
    previousFrom = addDays(from, -(daysBetween(from, to) + 1));
  }
  return { from, to, previousFrom, previousTo: addDays(from, -1), months: monthsOf(from, to) };
}

/** `YYYY-MM` of each month from `from`'s to `to`'s. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let day = `${from.slice(0, 7)}-01`; day <= to; day = addMonths(day, 1)) months.push(day.slice(0, 7));
  return months;
}

/** The median of some numbers (mean of the middle two for an even count), null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

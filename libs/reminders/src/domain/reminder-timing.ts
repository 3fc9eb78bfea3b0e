import { addDays, addWorkingDays, parisDate } from '@relais/config';
import { fromParisWallTime, parisWallTime } from '@relais/meetings';

/** Reminders about a day (a due date, an expiry) arrive at the start of the working morning. */
const MORNING = { hour: 8, minute: 0 };

/** 08:00 in Paris, `offsetDays` from `date`. */
export function morningOf(date: string, offsetDays: number, workingDays = false): Date {
  const day = workingDays && offsetDays > 0 ? addWorkingDays(date, offsetDays) : addDays(date, offsetDays);
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  return fromParisWallTime({ year, month, day: dayOfMonth, ...MORNING });
}

/**
 * `offsetDays` after a moment (an event): the moment itself for 0, otherwise the same hour that
 * many days later, or the morning of the n-th working day.
 */
export function afterMoment(moment: Date, offsetDays: number, workingDays = false): Date {
  if (offsetDays === 0) return moment;
  if (workingDays) return morningOf(parisDate(moment), offsetDays, true);
  // By Paris calendar day, so a daylight-saving change keeps the hour.
  const [year, month, day] = addDays(parisDate(moment), offsetDays).split('-').map(Number);
  const { hour, minute } = parisWallTime(moment);
  return fromParisWallTime({ year, month, day, hour, minute });
}

/** The leads tried, longest first, when a warning's own lead no longer fits before its date. */
export const SHORTER_LEADS_DAYS = [-7, -1] as const;

/**
 * A warning ahead of a day (a consent's expiry) whose own leads all fall before the event that
 * plans it — a consent given for less than a month — still comes before that day: the morning a
 * week before if that is still ahead, else the morning before, else at once. Null when the day is
 * already past: there is nothing left to warn about. `earliest` is the first moment still ahead.
 */
export function shortenedWarning(day: string, event: Date, earliest: Date): Date | null {
  if (day < parisDate(event)) return null;
  for (const lead of SHORTER_LEADS_DAYS) {
    const dueAt = morningOf(day, lead);
    if (dueAt.getTime() >= earliest.getTime()) return dueAt;
  }
  return event;
}

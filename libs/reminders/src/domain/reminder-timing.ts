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

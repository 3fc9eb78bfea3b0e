/** A meeting's start as the coordinator types it: a day (JJ/MM/AAAA) and a time (« 14 h 30 », « 14:30 »). */
import { parseDayText } from '../../ui/form/day-text';

const TIME = /^(\d{1,2})\s*(?:h|:|H)\s*(\d{2})?$/;

/** Hours and minutes of a typed time, or undefined when it is no time of day. */
export function parseTimeText(text: string): { hour: number; minute: number } | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/**
 * The moment a typed day and time stand for, in the browser's own time zone (the coordinator's
 * clock): an ISO string for the api, or undefined when either is not readable.
 */
export function startsAtOf(dayText: string, timeText: string): string | undefined {
  const day = parseDayText(dayText);
  const time = parseTimeText(timeText);
  if (!day || !time) return undefined;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, time.hour, time.minute).toISOString();
}

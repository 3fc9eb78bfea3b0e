/** Days as the api takes them (AAAA-MM-JJ, the Paris day) and as people write them. */

const PARIS = 'Europe/Paris';

/** Today in Paris, as the api counts days (a consent collected « today » late at night stays today). */
export function parisDay(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: PARIS,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function dayParts(day: string): [number, number, number] | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** « mardi 22 décembre 2026 », « vendredi 1er janvier 2027 »; an unreadable day is given as it is. */
export function frenchDay(day: string): string {
  const parts = dayParts(day);
  if (!parts) return day;
  const [year, month, date] = parts;
  const written = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(year, month - 1, date)));
  return date === 1 ? written.replace(/ 1 /, ' 1er ') : written;
}

/** « 13 h 30 », at Paris time. */
export function frenchTime(moment: Date): string {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: PARIS,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(moment);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${Number(part('hour'))} h ${part('minute')}`;
}

/**
 * The same day `months` later, or the month's last day when it has no such day (31 March + 1 month
 * → 30 April): how the api counts a consent's default validity.
 */
export function addMonths(day: string, months: number): string {
  const parts = dayParts(day);
  if (!parts) return day;
  const [year, month, date] = parts;
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return target.toISOString().slice(0, 10);
}

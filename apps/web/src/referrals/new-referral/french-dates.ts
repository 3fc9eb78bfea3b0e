/** Calendar days as the api counts them (AAAA-MM-JJ, the Paris day); ui/written-dates.ts writes them. */

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

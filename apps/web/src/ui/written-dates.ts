/**
 * Dates and times as people write them in French: « mardi 22 décembre 2026 », « 13 h 30 »,
 * « le 1er mars ». The browser's time zone unless one is given (tests give Europe/Paris).
 */
function partsOf(date: Date, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('fr-FR', options).formatToParts(date)) {
    parts[part.type] = part.value;
  }
  return parts;
}

/** « mardi 22 décembre 2026 », « dimanche 1er mars 2026 » (without the weekday if asked). */
export function frenchDate(
  value: string | Date,
  options: { weekday?: boolean; timeZone?: string } = {},
): string {
  const { weekday = true, timeZone } = options;
  const parts = partsOf(new Date(value), {
    weekday: weekday ? 'long' : undefined,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  });
  const day = parts.day === '1' ? '1er' : parts.day;
  return [weekday ? parts.weekday : undefined, day, parts.month, parts.year].filter(Boolean).join(' ');
}

/** « 13 h 30 », « 9 h 05 ». */
export function frenchTime(value: string | Date, options: { timeZone?: string } = {}): string {
  const parts = partsOf(new Date(value), {
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: options.timeZone,
  });
  return `${Number(parts.hour)} h ${parts.minute}`;
}

/** « mardi 22 décembre 2026 à 13 h 30 ». */
export function frenchDateTime(value: string | Date, options: { timeZone?: string } = {}): string {
  return `${frenchDate(value, options)} à ${frenchTime(value, options)}`;
}

/** A calendar day sent as `AAAA-MM-JJ` (no time, no zone): the same day wherever the reader is. */
export function frenchCalendarDate(day: string, options: { weekday?: boolean } = {}): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return frenchDate(`${day}T12:00:00Z`, { ...options, timeZone: 'UTC' });
}

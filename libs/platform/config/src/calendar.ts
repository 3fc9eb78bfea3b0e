/**
 * Calendar dates (`YYYY-MM-DD`) as people in France read them: a consent given « le 3 mars » or
 * an action due « le 15 » is a day in Paris, whatever the server's time zone.
 */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const HOUR_MS = 3_600_000;
/** The last hour asked for and its Paris day: most calls of a request, and of a second, share it. */
let lastHour = NaN;
let lastDay = '';

export function parisDate(moment: Date): string {
  // Paris is a whole number of hours from UTC: its day changes on a UTC hour, so one formatting
  // (a few microseconds) serves the whole hour.
  const hour = Math.floor(moment.getTime() / HOUR_MS);
  if (hour !== lastHour) {
    lastDay = PARIS_DAY.format(moment);
    lastHour = hour;
  }
  return lastDay;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (no 31 February). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Same day `months` later, or the month's last day when it is shorter (31 January + 1 = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** « 3 mars 2027 » */
export function frenchDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** Easter Sunday (Gregorian computus, Meeus/Jones/Butcher), `YYYY-MM-DD`. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The eleven national public holidays of metropolitan France (Code du travail, L3133-1). Alsace-
 * Moselle's two extra days and overseas abolition days are not counted.
 */
export function frenchPublicHolidays(year: number): ReadonlySet<string> {
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
  return new Set([
    ...fixed.map((day) => `${year}-${day}`),
    addDays(easter, 1), // lundi de Pâques
    addDays(easter, 39), // Ascension
    addDays(easter, 50), // lundi de Pentecôte
  ]);
}

export function isWorkingDay(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !frenchPublicHolidays(year).has(date);
}

/** The `days`-th working day after `date` (weekends and French public holidays skipped). */
export function addWorkingDays(date: string, days: number): string {
  let current = date;
  for (let counted = 0; counted < days;) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) counted += 1;
  }
  return current;
}

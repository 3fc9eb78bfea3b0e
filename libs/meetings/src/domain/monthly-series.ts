/**
 * Cells meet « le deuxième mardi du mois à 14 h »: a series keeps the weekday, its rank in the
 * month (the last one when the first meeting is a fifth) and the wall-clock time in Paris, across
 * daylight-saving changes.
 */
const PARIS_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function parisWallTime(moment: Date): WallTime {
  const parts = Object.fromEntries(
    PARIS_PARTS.formatToParts(moment).map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/** The instant whose Paris wall-clock time is `wall`. */
export function fromParisWallTime(wall: WallTime): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Paris is UTC+1 or UTC+2: correct the guess by the offset observed at that instant (twice, for
  // the hours around a change).
  let instant = guess;
  for (let pass = 0; pass < 2; pass += 1) {
    const seen = parisWallTime(new Date(instant));
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    instant += guess - seenAsUtc;
  }
  return new Date(instant);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function monthlySeries(first: Date, count: number): Date[] {
  const wall = parisWallTime(first);
  const weekday = weekdayOf(wall.year, wall.month, wall.day);
  const rank = Math.ceil(wall.day / 7);
  const last = wall.day + 7 > daysInMonth(wall.year, wall.month);
  const dates: Date[] = [];
  for (let index = 0; index < count; index += 1) {
    const month0 = wall.month - 1 + index;
    const year = wall.year + Math.floor(month0 / 12);
    const month = (month0 % 12) + 1;
    const firstWeekday = ((weekday - weekdayOf(year, month, 1) + 7) % 7) + 1;
    let day = firstWeekday + (rank - 1) * 7;
    if (last || day > daysInMonth(year, month)) {
      day = firstWeekday + Math.floor((daysInMonth(year, month) - firstWeekday) / 7) * 7;
    }
    dates.push(fromParisWallTime({ year, month, day, hour: wall.hour, minute: wall.minute }));
  }
  return dates;
}

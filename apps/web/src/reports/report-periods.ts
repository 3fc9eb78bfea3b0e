/**
 * The periods offered at once on the activity report's page. Calendar days `AAAA-MM-JJ` of the
 * reader's calendar (the api reads them as Paris days); the api checks the period itself.
 */
export interface ReportPeriod {
  from: string;
  to: string;
}

const day = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The last full calendar year: what a steering committee reviews once a year. */
export function lastFullYear(today: Date): ReportPeriod {
  const year = today.getFullYear() - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** From the 1st of January to yesterday (today is not over); the year before when today is 1 January. */
export function yearToDate(today: Date): ReportPeriod {
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  return { from: `${yesterday.getFullYear()}-01-01`, to: day(yesterday) };
}

/** The twelve last full months. */
export function lastTwelveMonths(today: Date): ReportPeriod {
  const start = new Date(today.getFullYear() - 1, today.getMonth(), 1);
  const end = new Date(today.getFullYear(), today.getMonth(), 0);
  return { from: day(start), to: day(end) };
}

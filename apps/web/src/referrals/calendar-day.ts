/** Calendar days (AAAA-MM-JJ), as the api sends due dates: compared and counted, never shifted by a zone. */

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today where the reader is (AAAA-MM-JJ): an action due today is not late before tomorrow. */
export function localCalendarDay(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `from` to `to`: positive when `to` is later; NaN for an unreadable day. */
export function daysBetween(from: string, to: string): number {
  const at = (day: string) => {
    const match = CALENDAR_DAY.exec(day);
    return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  };
  return Math.round((at(to) - at(from)) / 86_400_000);
}

/** « 11 h 31 » kept on one line in a narrow column: no-break spaces inside the time. */
export function withUnbreakableTime(written: string): string {
  return written.replace(/(\d{1,2}) h (\d{2})/g, '$1\u00a0h\u00a0$2');
}

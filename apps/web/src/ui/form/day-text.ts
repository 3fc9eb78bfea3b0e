/**
 * A day typed as people write it (« 14/03/1971 », « 14.3.1971 », « 14 03 1971 ») and the api's
 * AAAA-MM-JJ. A day that does not exist (31/02) is no day.
 */
const TYPED = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/** The api's form of a typed day, or undefined when it is not a real day. */
export function parseDayText(text: string): string | undefined {
  const trimmed = text.trim();
  const typed = TYPED.exec(trimmed);
  if (typed) return isoOf(Number(typed[3]), Number(typed[2]), Number(typed[1]));
  const iso = ISO.exec(trimmed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

/** « 14/03/1971 » for the api's 1971-03-14 (anything else is shown as it is). */
export function dayText(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = ISO.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

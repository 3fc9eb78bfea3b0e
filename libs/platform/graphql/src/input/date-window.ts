import 'reflect-metadata';
import { addDays, addMonths, frenchDate, parisDate } from '@relais/config';

/** A bound of a date window: a fixed day, or a distance from today (a day in Paris). */
export type DayBound = string | { fromToday: { years?: number; months?: number; days?: number } };

/** The days a field accepts, both ends included. */
export interface DateWindow {
  earliest?: DayBound;
  latest?: DayBound;
  /** Said instead of the generated « La date doit être comprise entre … ». */
  message?: string;
}

/** Today (in Paris), or that far from it: `fromToday()`, `fromToday({ years: 5 })`, `fromToday({ days: -1 })`. */
export const fromToday = (distance: { years?: number; months?: number; days?: number } = {}): DayBound => ({
  fromToday: distance,
});

/**
 * Every date anyone sends lies in this window, whatever the field: a year 9999 or 0001 is a typing
 * mistake or an attack, never a fact about a person or a meeting.
 */
export const PLAUSIBLE_DATES: Required<Pick<DateWindow, 'earliest' | 'latest'>> = {
  earliest: '1900-01-01',
  latest: '2100-12-31',
};

const DATE_WINDOW = Symbol('relais:date-window');

export function setDateWindow(target: object, property: string | symbol, window: DateWindow): void {
  Reflect.defineMetadata(DATE_WINDOW, window, target, property);
}

export function dateWindowOf(owner: object | undefined, property: string): DateWindow | undefined {
  return owner ? (Reflect.getMetadata(DATE_WINDOW, owner, property) as DateWindow | undefined) : undefined;
}

export function resolveBound(bound: DayBound, now: Date): string {
  if (typeof bound === 'string') return bound;
  const { years = 0, months = 0, days = 0 } = bound.fromToday;
  return addDays(addMonths(parisDate(now), years * 12 + months), days);
}

/** Why the day (`YYYY-MM-DD`, a real one) is outside the window, or undefined when it is inside. */
export function outsideWindow(day: string, window: DateWindow, now: Date): string | undefined {
  const earliest = window.earliest === undefined ? undefined : resolveBound(window.earliest, now);
  const latest = window.latest === undefined ? undefined : resolveBound(window.latest, now);
  if ((earliest === undefined || day >= earliest) && (latest === undefined || day <= latest))
    return undefined;
  if (window.message) return window.message;
  if (earliest !== undefined && latest !== undefined) {
    return `La date doit être comprise entre le ${frenchDate(earliest)} et le ${frenchDate(latest)}.`;
  }
  return earliest !== undefined
    ? `La date doit être le ${frenchDate(earliest)} ou après.`
    : `La date doit être le ${frenchDate(latest as string)} ou avant.`;
}

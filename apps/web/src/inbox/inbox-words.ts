import { daysBetween, localCalendarDay } from '../referrals/calendar-day';
import type { SchemaEnum } from '../referrals/referral-labels';

/** « depuis aujourd’hui », « depuis 1 jour », « depuis 3 jours », « depuis 2 mois » (from 60 days). */
export function sinceWords(days: number): string {
  if (!Number.isFinite(days) || days <= 0) return 'depuis aujourd’hui';
  if (days < 60) return `depuis ${days} jour${days > 1 ? 's' : ''}`;
  return `depuis ${Math.floor(days / 30)} mois`;
}

/** Whole days from a moment (sent as an ISO date-time) to today, both as calendar days where the reader is. */
export function daysSince(moment: string | null | undefined, today: string): number {
  if (!moment) return 0;
  return daysBetween(localCalendarDay(new Date(moment)), today);
}

/** An action due on `dueOn` is late from the next day: « en retard depuis 1 jour ». */
export function lateWords(dueOn: string, today: string): string {
  return `en retard ${sinceWords(daysBetween(dueOn, today))}`;
}

/** A count in a section's heading: the number read, « 10 ou plus » when more pages follow. */
export function countWords(count: number, more: boolean): string {
  return more ? `${count} ou plus` : String(count);
}

export const URGENCY_LABELS: Record<SchemaEnum<'Urgency'>, string> = {
  LOW: 'urgence faible',
  MEDIUM: 'urgence moyenne',
  HIGH: 'urgence élevée',
};

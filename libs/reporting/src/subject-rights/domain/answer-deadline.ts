import { addMonths } from '@relais/config';

/**
 * The day by which the person must be answered: one month from receipt (RGPD article 12.3), to
 * the same day of the next month or its last day when shorter. Days are Paris days (AAAA-MM-JJ).
 */
export function answerBy(receivedOn: string): string {
  return addMonths(receivedOn, 1);
}

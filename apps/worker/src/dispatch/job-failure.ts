import { EarlierEventPendingError } from '@relais/outbox';

/** What a failed job's line says, and how loud: an expected wait that will be tried again is news, not a warning. */
export interface JobFailureLine {
  level: 'log' | 'warn';
  message: string;
}

/**
 * Outbox events of one subject are handled in order: a job whose earlier event is not handled
 * yet fails on purpose and is retried (demo seeding or a burst of changes does this many times).
 * Any other failure, and that one once no attempt is left, stays a warning.
 */
export function jobFailureLine(
  error: Error,
  attempts: { made: number; allowed: number | undefined },
): JobFailureLine {
  const retried = attempts.made < (attempts.allowed ?? 1);
  if (error instanceof EarlierEventPendingError && retried) {
    return { level: 'log', message: 'Tâche reportée : un événement antérieur du même sujet attend encore' };
  }
  return { level: 'warn', message: 'Tâche en échec' };
}

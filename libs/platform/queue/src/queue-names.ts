/** Every BullMQ queue of Relais; the worker consumes them, metrics report on them. */
export const QueueName = {
  /** Outbox events relayed from Postgres, one job per event. */
  OUTBOX: 'outbox',
  /** One delayed job per scheduled reminder, its id as job id. */
  REMINDERS: 'reminders',
  /** Notification e-mails: one job per immediate mail, and the daily digest. */
  MAIL: 'mail',
  /** Periodic housekeeping (sessions, reviews, follow-up watch). */
  MAINTENANCE: 'maintenance',
} as const;

export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

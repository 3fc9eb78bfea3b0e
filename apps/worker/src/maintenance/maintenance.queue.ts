import { QueueName } from '@relais/queue';

export const MAINTENANCE_QUEUE = QueueName.MAINTENANCE;

export const MaintenanceJob = {
  PURGE_ENDED_SESSIONS: 'purge-ended-sessions',
  MARK_REVIEWS_DUE: 'mark-reviews-due',
  WATCH_FOLLOW_UPS: 'watch-follow-ups',
  AUDIT_CHECKPOINTS: 'audit-checkpoints',
  RETENTION: 'retention',
} as const;

export const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Review dates are days: checking hourly marks a review due within the hour of its day starting. */
export const REVIEWS_EVERY_MS = 60 * 60 * 1000;

/**
 * How often each territory's audit chain is sealed outside the database: what a database owner
 * could rewrite unnoticed by the key alone is at most this recent (and only with the key).
 */
export const AUDIT_CHECKPOINTS_EVERY_MS = 60 * 60 * 1000;

/** The daily digest of notification e-mails leaves at 07:00, Paris time. */
export const DIGEST_PATTERN = '0 7 * * *';

/** The retention lifecycle runs daily, at 03:30 Paris time (idempotent: a missed day catches up). */
export const RETENTION_PATTERN = '30 3 * * *';

export const MAINTENANCE_QUEUE = 'maintenance';

export const MaintenanceJob = {
  PURGE_ENDED_SESSIONS: 'purge-ended-sessions',
} as const;

export const PURGE_EVERY_MS = 60 * 60 * 1000;

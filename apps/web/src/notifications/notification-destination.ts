/**
 * Where a notification takes its reader, when the client has a page for what it is about. A
 * notification carries its kind and, at most, a situation (no referral or action id): an action's
 * notice opens the referring organisation's actions; the others show the notice itself.
 */
const ACTION_KINDS = new Set(['ACTION_DUE', 'ACTION_OVERDUE']);

export function notificationDestination(kind: string, roles: readonly string[]): string | undefined {
  if (ACTION_KINDS.has(kind) && roles.includes('REFERRER')) return '/actions';
  return undefined;
}

/** The address of one notification, the same as the link its e-mail carries (`/notifications/<id>`). */
export function notificationPath(id: string): string {
  return `/notifications/${encodeURIComponent(id)}`;
}

export const EMAIL_PREFERENCES_PATH = '/notifications/envoi-par-e-mail';

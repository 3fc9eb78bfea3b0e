import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';
import { EMAIL_PREFERENCES_PATH } from './notification-destination';

const NotificationsPage = lazyPage(async () => (await import('./notifications-page')).NotificationsPage);
const NotificationPage = lazyPage(async () => (await import('./notification-page')).NotificationPage);
const EmailPreferencesPage = lazyPage(
  async () => (await import('./email-preferences-page')).EmailPreferencesPage,
);

/** The notification centre and each notification's own address (the link e-mails carry). */
export const notificationRoutes: PageRoute[] = [
  { path: '/notifications', render: () => <NotificationsPage /> },
  // Before the notification's own address, which would otherwise take « envoi-par-e-mail » as an id.
  { path: EMAIL_PREFERENCES_PATH, render: () => <EmailPreferencesPage /> },
  { path: '/notifications/:id', render: ({ id }) => <NotificationPage key={id} id={id ?? ''} /> },
];

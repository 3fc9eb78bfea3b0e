import type { PageRoute } from '../routing/route';
import { EmailPreferencesPage } from './email-preferences-page';
import { EMAIL_PREFERENCES_PATH } from './notification-destination';
import { NotificationPage } from './notification-page';
import { NotificationsPage } from './notifications-page';

/** The notification centre and each notification's own address (the link e-mails carry). */
export const notificationRoutes: PageRoute[] = [
  { path: '/notifications', render: () => <NotificationsPage /> },
  // Before the notification's own address, which would otherwise take « envoi-par-e-mail » as an id.
  { path: EMAIL_PREFERENCES_PATH, render: () => <EmailPreferencesPage /> },
  { path: '/notifications/:id', render: ({ id }) => <NotificationPage key={id} id={id ?? ''} /> },
];

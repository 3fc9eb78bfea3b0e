import type { PageRoute } from '../routing/route';

/** The notification centre and each notification's own address (the link e-mails carry). */
export const notificationRoutes: PageRoute[] = [];

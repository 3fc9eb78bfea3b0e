import type { PageRoute } from '../routing/route';

/** The territory's administration: partners, members and roles, charter, reminders. */
export const administrationRoutes: PageRoute[] = [];

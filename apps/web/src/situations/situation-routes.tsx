import type { PageRoute } from '../routing/route';

/** The situations the cell follows, and each one's page. */
export const situationRoutes: PageRoute[] = [];

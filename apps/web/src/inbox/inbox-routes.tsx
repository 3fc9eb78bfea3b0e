import type { PageRoute } from '../routing/route';

/** « À traiter » : what waits for the coordination. */
export const inboxRoutes: PageRoute[] = [];

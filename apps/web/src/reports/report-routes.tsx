import type { PageRoute } from '../routing/route';

/** The activity report, for the coordinator and the steering committee. */
export const reportRoutes: PageRoute[] = [];

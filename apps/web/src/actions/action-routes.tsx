import type { PageRoute } from '../routing/route';

/** The actions the cell entrusted to my organisation. */
export const actionRoutes: PageRoute[] = [];

import type { PageRoute } from '../../routing/route';

/** The cell's meetings, planning one, and preparing its agenda. */
export const preparationRoutes: PageRoute[] = [];

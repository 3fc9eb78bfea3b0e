import type { PageRoute } from '../routing/route';

/** The signed-in person's own account: password, second factor. */
export const accountRoutes: PageRoute[] = [];

import type { PageRoute } from '../../routing/route';

/** A meeting's minutes: the draft, its publication, and how each partner will read them. */
export const minutesRoutes: PageRoute[] = [];

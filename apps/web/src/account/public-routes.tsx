import type { PageRoute } from '../routing/route';

/** Pages opened from an e-mail without a session (choosing a password from a one-time link). */
export const publicRoutes: PageRoute[] = [];

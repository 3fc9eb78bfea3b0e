import type { PageRoute } from '../routing/route';

/** A follow-up team member's work: their follow-ups, each one's page, recording a visit. */
export const followUpRoutes: PageRoute[] = [];

import type { PageRoute } from '../routing/route';

/** Passage de relais: proposing one from a follow-up, and the hand-offs my organisation receives. */
export const handoffRoutes: PageRoute[] = [];

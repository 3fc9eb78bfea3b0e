import type { PageRoute } from '../routing/route';

/** The referring organisation's pages: its referrals, a new referral, the actions entrusted to it. */
export const referralRoutes: PageRoute[] = [];

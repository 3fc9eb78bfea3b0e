import type { PageRoute } from '../../routing/route';

/** Writing a referral: the guided form, a draft resumed, the consent receipt to print. */
export const newReferralRoutes: PageRoute[] = [];

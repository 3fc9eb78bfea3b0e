import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';

const MyReferralsPage = lazyPage(async () => (await import('./my-referrals-page')).MyReferralsPage);
const ReferralPage = lazyPage(async () => (await import('./referral-page')).ReferralPage);

/** The referring organisation's pages: its referrals, and each referral's follow-through. */
export const referralRoutes: PageRoute[] = [
  { path: '/saisines', render: () => <MyReferralsPage /> },
  // The key gives each referral a fresh page (its own queries and focus), as a page load would.
  { path: '/saisines/:id', render: ({ id }) => <ReferralPage key={id} referralId={id} /> },
];

import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';

const InboxPage = lazyPage(async () => (await import('./inbox-page')).InboxPage);
const InboxReferralPage = lazyPage(async () => (await import('./inbox-referral-page')).InboxReferralPage);

/** « À traiter » : what waits for the coordination. */
export const inboxRoutes: PageRoute[] = [
  { path: '/a-traiter', render: () => <InboxPage /> },
  // The key gives each referral a fresh page (its own queries and focus), as a page load would.
  { path: '/a-traiter/saisines/:id', render: ({ id }) => <InboxReferralPage key={id} referralId={id} /> },
];

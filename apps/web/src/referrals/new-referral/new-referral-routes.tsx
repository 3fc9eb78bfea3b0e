import type { PageRoute } from '../../routing/route';
import { lazyPage } from '../../ui/lazy-page';

// One component for both addresses of the form: the first save moves from one to the other
// without starting the form again (see NewReferralPage).
const NewReferralPage = lazyPage(async () => (await import('./new-referral-page')).NewReferralPage);
const ConsentReceiptPage = lazyPage(async () => (await import('./consent-receipt-page')).ConsentReceiptPage);

/** Writing a referral: the guided form, a draft resumed, the consent receipt to print. */
export const newReferralRoutes: PageRoute[] = [
  { path: '/saisines/nouvelle', render: () => <NewReferralPage /> },
  { path: '/saisines/:id/modifier', render: ({ id }) => <NewReferralPage referralId={id} /> },
  { path: '/saisines/:id/recepisse', render: ({ id }) => <ConsentReceiptPage referralId={id!} /> },
];

import type { PageRoute } from '../../routing/route';
import { ConsentReceiptPage } from './consent-receipt-page';
import { NewReferralPage } from './new-referral-page';

/** Writing a referral: the guided form, a draft resumed, the consent receipt to print. */
export const newReferralRoutes: PageRoute[] = [
  { path: '/saisines/nouvelle', render: () => <NewReferralPage /> },
  { path: '/saisines/:id/modifier', render: ({ id }) => <NewReferralPage referralId={id} /> },
  { path: '/saisines/:id/recepisse', render: ({ id }) => <ConsentReceiptPage referralId={id!} /> },
];

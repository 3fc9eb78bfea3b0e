import type { PageRoute } from '../routing/route';
import { AccountPage } from './account-page';
import { ChangePasswordPage } from './change-password-page';
import { RecoveryCodesPage } from './recovery-codes-page';

/** The signed-in person's own account: who they are, their password, their recovery codes. */
export const accountRoutes: PageRoute[] = [
  { path: '/compte', render: () => <AccountPage /> },
  { path: '/compte/mot-de-passe', render: () => <ChangePasswordPage /> },
  { path: '/compte/codes-de-secours', render: () => <RecoveryCodesPage /> },
];

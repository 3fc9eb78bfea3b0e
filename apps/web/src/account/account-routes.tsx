import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';

const AccountPage = lazyPage(async () => (await import('./account-page')).AccountPage);
const ChangePasswordPage = lazyPage(async () => (await import('./change-password-page')).ChangePasswordPage);
const RecoveryCodesPage = lazyPage(async () => (await import('./recovery-codes-page')).RecoveryCodesPage);

/** The signed-in person's own account: who they are, their password, their recovery codes. */
export const accountRoutes: PageRoute[] = [
  { path: '/compte', render: () => <AccountPage /> },
  { path: '/compte/mot-de-passe', render: () => <ChangePasswordPage /> },
  { path: '/compte/codes-de-secours', render: () => <RecoveryCodesPage /> },
];

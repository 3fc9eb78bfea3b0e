import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';
import { SET_PASSWORD_PATH } from './password-link';

const SetPasswordPage = lazyPage(async () => (await import('./set-password-page')).SetPasswordPage);

/** Pages opened from an e-mail without a session (choosing a password from a one-time link). */
export const publicRoutes: PageRoute[] = [{ path: SET_PASSWORD_PATH, render: () => <SetPasswordPage /> }];

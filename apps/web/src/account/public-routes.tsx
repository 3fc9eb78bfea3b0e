import type { PageRoute } from '../routing/route';
import { SET_PASSWORD_PATH } from './password-link';
import { SetPasswordPage } from './set-password-page';

/** Pages opened from an e-mail without a session (choosing a password from a one-time link). */
export const publicRoutes: PageRoute[] = [{ path: SET_PASSWORD_PATH, render: () => <SetPasswordPage /> }];

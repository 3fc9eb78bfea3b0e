import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';

const MyActionsPage = lazyPage(async () => (await import('./my-actions-page')).MyActionsPage);

/** The actions the cell entrusted to my organisation. */
export const actionRoutes: PageRoute[] = [{ path: '/actions', render: () => <MyActionsPage /> }];

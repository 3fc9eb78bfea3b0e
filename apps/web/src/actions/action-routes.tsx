import type { PageRoute } from '../routing/route';
import { MyActionsPage } from './my-actions-page';

/** The actions the cell entrusted to my organisation. */
export const actionRoutes: PageRoute[] = [{ path: '/actions', render: () => <MyActionsPage /> }];

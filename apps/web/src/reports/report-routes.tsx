import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';

const ActivityReportPage = lazyPage(async () => (await import('./activity-report-page')).ActivityReportPage);

/** The activity report, for the coordinator and the steering committee. */
export const reportRoutes: PageRoute[] = [{ path: '/bilan', render: () => <ActivityReportPage /> }];

import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';

const ArchivedSituationsPage = lazyPage(
  async () => (await import('./archived-situations-page')).ArchivedSituationsPage,
);

/** The coordination's archive; listed before the situations' routes so it is not read as a situation id. */
export const subjectRightsRoutes: PageRoute[] = [
  { path: '/situations/archivees', render: () => <ArchivedSituationsPage /> },
];

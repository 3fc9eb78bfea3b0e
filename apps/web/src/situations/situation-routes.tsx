import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';

const SituationsPage = lazyPage(async () => (await import('./situations-page')).SituationsPage);
const SituationPage = lazyPage(async () => (await import('./situation-page')).SituationPage);

/** The situations the cell follows, and each one's page. */
export const situationRoutes: PageRoute[] = [
  { path: '/situations', render: () => <SituationsPage /> },
  // The key gives each situation a fresh page (its own queries and focus), as a page load would.
  { path: '/situations/:id', render: ({ id }) => <SituationPage key={id} situationId={id} /> },
];

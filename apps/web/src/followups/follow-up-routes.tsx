import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';

const MyFollowUpsPage = lazyPage(async () => (await import('./my-follow-ups-page')).MyFollowUpsPage);
const FollowUpPage = lazyPage(async () => (await import('./follow-up-page')).FollowUpPage);
const VisitPage = lazyPage(async () => (await import('./visit-page')).VisitPage);

/** A follow-up team member's work: their follow-ups, each one's page, recording a visit. */
export const followUpRoutes: PageRoute[] = [
  { path: '/suivis', render: () => <MyFollowUpsPage /> },
  // The key gives each follow-up a fresh page (its own queries and focus), as a page load would.
  { path: '/suivis/:id', render: ({ id }) => <FollowUpPage key={id} followUpId={id} /> },
  { path: '/suivis/:id/visite', render: ({ id }) => <VisitPage key={id} followUpId={id} /> },
];

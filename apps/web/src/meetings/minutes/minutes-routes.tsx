import type { PageRoute } from '../../routing/route';
import { lazyPage } from '../../ui/lazy-page';

const MinutesPage = lazyPage(async () => (await import('./minutes-page')).MinutesPage);

/** A meeting's minutes: the draft, its publication, and how each partner will read them. */
export const minutesRoutes: PageRoute[] = [
  { path: '/seances/:id/compte-rendu', render: ({ id }) => <MinutesPage key={id} meetingId={id!} /> },
];

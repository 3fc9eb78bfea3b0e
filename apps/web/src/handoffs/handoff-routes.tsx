import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';

const ProposeHandoffPage = lazyPage(async () => (await import('./propose-handoff-page')).ProposeHandoffPage);
const IncomingHandoffsPage = lazyPage(
  async () => (await import('./incoming-handoffs-page')).IncomingHandoffsPage,
);
const IncomingHandoffPage = lazyPage(
  async () => (await import('./incoming-handoff-page')).IncomingHandoffPage,
);

/** Passage de relais: proposing one from a follow-up, and the hand-offs my organisation receives. */
export const handoffRoutes: PageRoute[] = [
  // The key gives each follow-up and hand-off a fresh page (its own queries and focus), as a page load would.
  { path: '/suivis/:id/relais', render: ({ id }) => <ProposeHandoffPage key={id} followUpId={id} /> },
  { path: '/relais-recus', render: () => <IncomingHandoffsPage /> },
  { path: '/relais-recus/:id', render: ({ id }) => <IncomingHandoffPage key={id} handoffId={id} /> },
];

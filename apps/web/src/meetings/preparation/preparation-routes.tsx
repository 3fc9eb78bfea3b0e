import type { PageRoute } from '../../routing/route';
import { lazyPage } from '../../ui/lazy-page';

const MeetingsPage = lazyPage(async () => (await import('./meetings-page')).MeetingsPage);
const PlanMeetingPage = lazyPage(async () => (await import('./plan-meeting-page')).PlanMeetingPage);
const AgendaPage = lazyPage(async () => (await import('./agenda-page')).AgendaPage);

/** The cell's meetings, planning one, and preparing its agenda. */
export const preparationRoutes: PageRoute[] = [
  { path: '/seances', render: () => <MeetingsPage /> },
  { path: '/seances/nouvelle', render: () => <PlanMeetingPage /> },
  { path: '/seances/:id/ordre-du-jour', render: ({ id }) => <AgendaPage key={id} meetingId={id!} /> },
];

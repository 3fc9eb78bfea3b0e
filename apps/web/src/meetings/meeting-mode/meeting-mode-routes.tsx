import type { PageRoute } from '../../routing/route';
import { lazyPage } from '../../ui/lazy-page';

const MeetingModePage = lazyPage(async () => (await import('./meeting-mode-page')).MeetingModePage);

/** The meeting itself, shown on the projector (drawn without the site's header). */
export const meetingModeRoutes: PageRoute[] = [
  {
    path: '/seances/:id/en-seance',
    layout: 'projection',
    render: (params) => <MeetingModePage key={params.id} meetingId={params.id!} />,
  },
];

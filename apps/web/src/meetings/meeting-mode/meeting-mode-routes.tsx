import type { PageRoute } from '../../routing/route';

/** The meeting itself, shown on the projector (drawn without the site's header). */
export const meetingModeRoutes: PageRoute[] = [];

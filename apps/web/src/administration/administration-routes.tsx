import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';

const AdministrationPage = lazyPage(async () => (await import('./administration-page')).AdministrationPage);
const PartnersPage = lazyPage(async () => (await import('./partners-page')).PartnersPage);
const CharterAdminPage = lazyPage(async () => (await import('./charter-admin-page')).CharterAdminPage);
const RemindersPage = lazyPage(async () => (await import('./reminders-page')).RemindersPage);
const MembersPage = lazyPage(async () => (await import('./members-page')).MembersPage);

/** The territory's administration: partners, members and roles, charter, reminders. */
export const administrationRoutes: PageRoute[] = [
  { path: '/administration', render: () => <AdministrationPage /> },
  { path: '/administration/membres', render: () => <MembersPage /> },
  { path: '/administration/partenaires', render: () => <PartnersPage /> },
  { path: '/administration/charte', render: () => <CharterAdminPage /> },
  { path: '/administration/rappels', render: () => <RemindersPage /> },
];

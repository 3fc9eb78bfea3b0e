import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';

const AuditJournalPage = lazyPage(async () => (await import('./audit-journal-page')).AuditJournalPage);

/** The auditor's view: who did what, security events, the audit chain's verification. */
export const auditRoutes: PageRoute[] = [{ path: '/audit', render: () => <AuditJournalPage /> }];

import type { PageRoute } from '../routing/route';
import { lazyPage } from '../ui/lazy-page';

const AuditJournalPage = lazyPage(async () => (await import('./audit-journal-page')).AuditJournalPage);
const ChainPage = lazyPage(async () => (await import('./chain-page')).ChainPage);

/** The auditor's view: who did what, security events, the audit chain's verification. */
export const auditRoutes: PageRoute[] = [
  { path: '/audit', render: () => <AuditJournalPage /> },
  { path: '/audit/chaine', render: () => <ChainPage /> },
];

import type { PageRoute } from '../routing/route';

/** The auditor's view: who did what, security events, the audit chain's verification. */
export const auditRoutes: PageRoute[] = [];

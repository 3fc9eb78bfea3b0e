import { AuditChainHead } from './audit-chain-head.entity';
import { AuditChainPurge } from './audit-chain-purge.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditReadLink } from './audit-read-link.entity';

export { AuditChainHead, AuditChainPurge, AuditEvent, AuditReadLink };

export const AUDIT_ENTITIES = [AuditEvent, AuditReadLink, AuditChainHead, AuditChainPurge];

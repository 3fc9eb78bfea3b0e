import { AuditChainHead } from './audit-chain-head.entity';
import { AuditChainPurge } from './audit-chain-purge.entity';
import { AuditEvent } from './audit-event.entity';

export { AuditChainHead, AuditChainPurge, AuditEvent };

export const AUDIT_ENTITIES = [AuditEvent, AuditChainHead, AuditChainPurge];

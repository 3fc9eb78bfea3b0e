import { AuditChainHead } from './audit-chain-head.entity';
import { AuditEvent } from './audit-event.entity';

export { AuditChainHead, AuditEvent };

export const AUDIT_ENTITIES = [AuditEvent, AuditChainHead];

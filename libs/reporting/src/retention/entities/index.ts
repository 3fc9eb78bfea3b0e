import { LegalHold } from './legal-hold.entity';
import { RetentionPolicySetting } from './retention-policy.entity';

export * from './legal-hold.entity';
export * from './retention-policy.entity';

export const RETENTION_ENTITIES = [RetentionPolicySetting, LegalHold];

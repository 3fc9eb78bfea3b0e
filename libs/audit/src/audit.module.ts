import { Global, Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { auditPolicy } from './audit.policy';
import { AuditQueryService } from './audit-query.service';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { SecurityEventRecorder } from './security/security-event.recorder';

registerPolicy(auditPolicy);

/** Every context writes its events through `AuditService`, in its own transactions. */
@Global()
@Module({
  providers: [AuditService, AuditQueryService, SecurityEventRecorder],
  exports: [AuditService, AuditQueryService, SecurityEventRecorder],
})
export class AuditModule {}

@Module({ imports: [AuditModule], providers: [AuditResolver] })
export class AuditGraphqlModule {}

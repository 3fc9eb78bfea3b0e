import { Global, Module } from '@nestjs/common';
import { ACCESS_REFUSAL_LISTENER, registerPolicy } from '@relais/access';
import { auditPolicy } from './audit.policy';
import { AuditQueryService } from './audit-query.service';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { SecurityEventRecorder } from './security/security-event.recorder';
import { SecurityRefusalListener } from './security/security-refusal.listener';

registerPolicy(auditPolicy);

/** Every context writes its events through `AuditService`, in its own transactions. */
@Global()
@Module({
  providers: [
    AuditService,
    AuditQueryService,
    SecurityEventRecorder,
    // Refusals decided by the access library are recorded here, below which it cannot import.
    { provide: ACCESS_REFUSAL_LISTENER, useClass: SecurityRefusalListener },
  ],
  exports: [AuditService, AuditQueryService, SecurityEventRecorder, ACCESS_REFUSAL_LISTENER],
})
export class AuditModule {}

@Module({ imports: [AuditModule], providers: [AuditResolver] })
export class AuditGraphqlModule {}

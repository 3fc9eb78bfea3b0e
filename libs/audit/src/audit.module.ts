import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { ACCESS_REFUSAL_LISTENER, registerPolicy } from '@relais/access';
import { auditPolicy } from './audit.policy';
import { AuditQueryService } from './audit-query.service';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditChainKeyring } from './chain/audit-chain-keyring';
import { AuditChainResolver } from './chain/audit-chain.resolver';
import { AuditChainVerifier } from './chain/audit-chain.verifier';
import { AuditCheckpointService } from './chain/audit-checkpoint.service';
import { AuditCheckpointStore, FileAuditCheckpointStore } from './chain/audit-checkpoint.store';
import { AuditEventChainer } from './chain/audit-event.chainer';
import { AuditPurgeService } from './chain/audit-purge';
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
    {
      provide: AuditChainKeyring,
      useFactory: (config: AppConfig) => new AuditChainKeyring(config.audit.chainKeys),
      inject: [APP_CONFIG],
    },
    {
      provide: AuditCheckpointStore,
      useFactory: (config: AppConfig) => new FileAuditCheckpointStore(config.audit.checkpointDirectory),
      inject: [APP_CONFIG],
    },
    AuditChainVerifier,
    AuditCheckpointService,
    AuditEventChainer,
    AuditPurgeService,
    // Refusals decided by the access library are recorded here, below which it cannot import.
    { provide: ACCESS_REFUSAL_LISTENER, useClass: SecurityRefusalListener },
  ],
  exports: [
    AuditService,
    AuditQueryService,
    SecurityEventRecorder,
    ACCESS_REFUSAL_LISTENER,
    AuditChainVerifier,
    AuditCheckpointService,
    AuditEventChainer,
    AuditPurgeService,
  ],
})
export class AuditModule {}

@Module({ imports: [AuditModule], providers: [AuditResolver, AuditChainResolver] })
export class AuditGraphqlModule {}

import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { AnonymisationService } from './anonymisation.service';
import { RetentionLifecycleService } from './retention-lifecycle.service';
import { retentionPolicy } from './retention.policy';
import { RetentionQueryService } from './retention-query.service';
import { RetentionResolver } from './retention.resolver';
import { RetentionSettingsService } from './retention-settings.service';

// After the contexts it restricts (imported above through the anonymisation's erase functions).
registerPolicy(retentionPolicy);

/**
 * The retention lifecycle: periods per territory, legal holds, the daily job's service (the worker
 * runs it), the coordination's archive and dry run; the anonymisation other parts reuse.
 */
@Module({
  providers: [
    AnonymisationService,
    RetentionLifecycleService,
    RetentionSettingsService,
    RetentionQueryService,
    RetentionResolver,
  ],
  exports: [AnonymisationService, RetentionLifecycleService, RetentionQueryService],
})
export class RetentionModule {}

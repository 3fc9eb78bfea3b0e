import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { ConsentModule } from '@relais/consent';
import { SituationsModule } from '@relais/situations';
import { HandoffDocumentController } from './documents/handoff-document.controller';
import { FollowUpResolver } from './follow-up.resolver';
import { FollowUpQueryService } from './follow-up-query.service';
import { FollowUpService } from './follow-up.service';
import { followupsPolicy } from './followups.policy';
import { HandoffAwaitingQueryService } from './handoff-awaiting-query.service';
import { HandoffAwaitingResolver } from './handoff-awaiting.resolver';
import { HandoffQueryService } from './handoff-query.service';
import { HandoffService } from './handoff.service';

registerPolicy(followupsPolicy);

@Module({
  imports: [SituationsModule, ConsentModule],
  providers: [
    FollowUpService,
    FollowUpQueryService,
    HandoffService,
    HandoffQueryService,
    HandoffAwaitingQueryService,
  ],
  exports: [
    FollowUpService,
    FollowUpQueryService,
    HandoffService,
    HandoffQueryService,
    HandoffAwaitingQueryService,
  ],
})
export class FollowUpsModule {}

@Module({
  imports: [FollowUpsModule],
  providers: [FollowUpResolver, HandoffAwaitingResolver],
  controllers: [HandoffDocumentController],
})
export class FollowUpsGraphqlModule {}

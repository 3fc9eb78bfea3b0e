import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { ConsentModule } from '@relais/consent';
import { SituationsModule } from '@relais/situations';
import { HandoffDocumentController } from './documents/handoff-document.controller';
import { FollowUpListQueryService } from './follow-up-list-query.service';
import { FollowUpListResolver } from './follow-up-list.resolver';
import { FollowUpPresenter } from './follow-up.presenter';
import { FollowUpResolver } from './follow-up.resolver';
import { FollowUpQueryService } from './follow-up-query.service';
import { FollowUpService } from './follow-up.service';
import { followupsPolicy } from './followups.policy';
import { HandoffAwaitingQueryService } from './handoff-awaiting-query.service';
import { HandoffAwaitingResolver } from './handoff-awaiting.resolver';
import { HandoffListQueryService } from './handoff-list-query.service';
import { HandoffQueryService } from './handoff-query.service';
import { HandoffService } from './handoff.service';

registerPolicy(followupsPolicy);

@Module({
  imports: [SituationsModule, ConsentModule],
  providers: [
    FollowUpService,
    FollowUpPresenter,
    FollowUpQueryService,
    FollowUpListQueryService,
    HandoffListQueryService,
    HandoffService,
    HandoffQueryService,
    HandoffAwaitingQueryService,
  ],
  exports: [
    FollowUpService,
    FollowUpQueryService,
    FollowUpListQueryService,
    HandoffListQueryService,
    HandoffService,
    HandoffQueryService,
    HandoffAwaitingQueryService,
  ],
})
export class FollowUpsModule {}

@Module({
  imports: [FollowUpsModule],
  providers: [FollowUpResolver, FollowUpListResolver, HandoffAwaitingResolver],
  controllers: [HandoffDocumentController],
})
export class FollowUpsGraphqlModule {}

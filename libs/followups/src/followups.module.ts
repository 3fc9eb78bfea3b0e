import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { ConsentModule } from '@relais/consent';
import { SituationsModule } from '@relais/situations';
import { HandoffDocumentController } from './documents/handoff-document.controller';
import { FollowUpActsLoader } from './follow-up-acts.loader';
import { FollowUpActsQueryService } from './follow-up-acts.query';
import { FollowUpActsResolver } from './follow-up-acts.resolver';
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
    FollowUpActsQueryService,
    FollowUpActsLoader,
    FollowUpListQueryService,
    HandoffListQueryService,
    HandoffService,
    HandoffQueryService,
    HandoffAwaitingQueryService,
  ],
  exports: [
    FollowUpService,
    FollowUpQueryService,
    FollowUpActsQueryService,
    FollowUpActsLoader,
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
  providers: [FollowUpResolver, FollowUpListResolver, FollowUpActsResolver, HandoffAwaitingResolver],
  controllers: [HandoffDocumentController],
})
export class FollowUpsGraphqlModule {}

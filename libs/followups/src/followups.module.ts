import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { ConsentModule } from '@relais/consent';
import { SituationsModule } from '@relais/situations';
import { HandoffDocumentController } from './documents/handoff-document.controller';
import { FollowUpResolver } from './follow-up.resolver';
import { FollowUpService } from './follow-up.service';
import { followupsPolicy } from './followups.policy';
import { HandoffService } from './handoff.service';

registerPolicy(followupsPolicy);

@Module({
  imports: [SituationsModule, ConsentModule],
  providers: [FollowUpService, HandoffService],
  exports: [FollowUpService, HandoffService],
})
export class FollowUpsModule {}

@Module({
  imports: [FollowUpsModule],
  providers: [FollowUpResolver],
  controllers: [HandoffDocumentController],
})
export class FollowUpsGraphqlModule {}

import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { ConsentModule } from '@relais/consent';
import { MeetingsModule } from '@relais/meetings';
import { SituationsModule } from '@relais/situations';
import { MyReferralsQueryService } from './my-referrals-query.service';
import { ReferralDecisionService } from './referral-decision.service';
import { ReferralMoves } from './referral-moves';
import { ReferralQueryService } from './referral-query.service';
import { ReferralResolver } from './referral.resolver';
import { ReferralService } from './referral.service';
import { referralsPolicy } from './referrals.policy';

registerPolicy(referralsPolicy);

@Module({
  imports: [SituationsModule, ConsentModule, MeetingsModule],
  providers: [
    ReferralService,
    ReferralDecisionService,
    ReferralMoves,
    ReferralQueryService,
    MyReferralsQueryService,
  ],
  exports: [ReferralService, ReferralDecisionService, ReferralQueryService, MyReferralsQueryService],
})
export class ReferralsModule {}

@Module({ imports: [ReferralsModule], providers: [ReferralResolver] })
export class ReferralsGraphqlModule {}

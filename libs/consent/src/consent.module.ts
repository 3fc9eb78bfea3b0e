import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { SituationsModule } from '@relais/situations';
import { consentPolicy } from './consent.policy';
import { ConsentResolver } from './consent.resolver';
import { ConsentQueryService } from './consent-query.service';
import { ConsentService } from './consent.service';
import { DerogationListService } from './derogation-list.service';
import { DerogationService } from './derogation.service';

registerPolicy(consentPolicy);

@Module({
  imports: [SituationsModule],
  providers: [ConsentService, ConsentQueryService, DerogationService, DerogationListService],
  exports: [ConsentService, ConsentQueryService, DerogationService, DerogationListService],
})
export class ConsentModule {}

@Module({ imports: [ConsentModule], providers: [ConsentResolver] })
export class ConsentGraphqlModule {}

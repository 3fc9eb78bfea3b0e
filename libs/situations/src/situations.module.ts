import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { ActionQueryService } from './action-query.service';
import { ActionResolver } from './action.resolver';
import { IdentityReader } from './identity-reader';
import { OverdueActionQueryService } from './overdue-action-query.service';
import { OverdueActionResolver } from './overdue-action.resolver';
import { PersonRegistry } from './person.registry';
import { SituationHistoryQueryService } from './situation-history.query';
import { SituationHistoryResolver } from './situation-history.resolver';
import { SituationResolver } from './situation.resolver';
import { SituationQueryService } from './situation-query.service';
import { SituationService } from './situation.service';
import { situationsPolicy } from './situations.policy';

registerPolicy(situationsPolicy);

@Module({
  providers: [
    PersonRegistry,
    SituationService,
    SituationQueryService,
    SituationHistoryQueryService,
    ActionQueryService,
    OverdueActionQueryService,
    IdentityReader,
  ],
  exports: [
    PersonRegistry,
    SituationService,
    SituationQueryService,
    SituationHistoryQueryService,
    ActionQueryService,
    OverdueActionQueryService,
    IdentityReader,
  ],
})
export class SituationsModule {}

@Module({
  imports: [SituationsModule],
  providers: [SituationResolver, SituationHistoryResolver, ActionResolver, OverdueActionResolver],
})
export class SituationsGraphqlModule {}

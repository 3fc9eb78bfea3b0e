import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { Connection } from '@relais/graphql';
import { ActionConnection } from './action.resolver';
import { OverdueActionsArgs } from './dto/overdue-actions.args';
import { ActionObject } from './dto/situation.objects';
import { OverdueActionQueryService } from './overdue-action-query.service';

@Resolver()
export class OverdueActionResolver {
  constructor(private readonly actions: OverdueActionQueryService) {}

  @Query(() => ActionConnection, {
    description:
      'Réservé à la coordination : les actions en retard du territoire, quel que soit le partenaire chargé, la plus ancienne échéance d’abord, page par page.',
  })
  @Allow('oversee', 'SituationAction')
  overdueActions(
    @CurrentPrincipal() principal: Principal,
    @Args() args: OverdueActionsArgs,
  ): Promise<Connection<ActionObject>> {
    return this.actions.overdueActions(principal, args);
  }
}

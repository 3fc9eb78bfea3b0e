import { Args, Extensions, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, DATA_CATEGORY_EXTENSION, DataCategory, Principal } from '@relais/access';
import { Connection, ConnectionType } from '@relais/graphql';
import { ActionConnection } from './action.resolver';
import { SituationActionsArgs, SituationTimelineArgs } from './dto/situation-history.args';
import { ActionObject, SituationEventObject, SituationObject } from './dto/situation.objects';
import { SituationHistoryQueryService } from './situation-history.query';

export const SituationEventConnection = ConnectionType(SituationEventObject, {
  name: 'SituationEvent',
  description: 'Une page de l’historique d’une situation, et ce qui la suit.',
  nodeDescription: 'Une ligne de l’historique',
});

/**
 * A situation's timeline and actions, as connections of the situation read: one statement each per
 * page, asked only when the page asks for them. Only one situation is read per request, so no
 * statement per parent.
 */
@Resolver(() => SituationObject)
export class SituationHistoryResolver {
  constructor(private readonly history: SituationHistoryQueryService) {}

  @ResolveField('timeline', () => SituationEventConnection, {
    description:
      'Ce que votre relation à la situation vous permet de voir de son historique, le plus récent d’abord, page par page.',
  })
  @Extensions({ [DATA_CATEGORY_EXTENSION]: DataCategory.LOGISTIC })
  @Allow('read', 'Situation')
  timeline(
    @CurrentPrincipal() principal: Principal,
    @Parent() situation: SituationObject,
    @Args() args: SituationTimelineArgs,
  ): Promise<Connection<SituationEventObject>> {
    return this.history.timeline(principal, situation, args);
  }

  @ResolveField('actions', () => ActionConnection, {
    description:
      'Les actions que vous pouvez voir (toutes pour la coordination, les vôtres sinon), la première échéance d’abord, page par page.',
  })
  @Extensions({ [DATA_CATEGORY_EXTENSION]: DataCategory.LOGISTIC })
  @Allow('read', 'Situation')
  actions(
    @CurrentPrincipal() principal: Principal,
    @Parent() situation: SituationObject,
    @Args() args: SituationActionsArgs,
  ): Promise<Connection<ActionObject>> {
    return this.history.actions(principal, situation, args);
  }
}

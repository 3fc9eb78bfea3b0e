import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { Connection, ConnectionType, uuidArgument } from '@relais/graphql';
import { ClosureReason } from './domain/situation-status';
import { UpdateActionInput } from './dto/action.input';
import { SituationSummaryObject } from './dto/situation-summary.object';
import { SituationsArgs } from './dto/situations.args';
import { ActionObject, SituationObject } from './dto/situation.objects';
import { SituationQueryService } from './situation-query.service';
import { SituationService } from './situation.service';

export const SituationConnection = ConnectionType(SituationSummaryObject, {
  name: 'SituationSummary',
  description: 'Une page de situations, et ce qui la suit.',
  nodeDescription: 'Une situation',
});

@Resolver()
export class SituationResolver {
  constructor(
    private readonly situations: SituationService,
    private readonly queries: SituationQueryService,
  ) {}

  @Query(() => SituationObject, {
    description:
      'Une situation, son cercle, son historique et ses actions, filtrés selon votre relation à elle.',
  })
  @Allow('read', 'Situation')
  situation(
    @CurrentPrincipal() principal: Principal,
    @Args('situationId', { type: () => ID, description: 'La situation.' }, uuidArgument('situationId'))
    situationId: string,
  ): Promise<SituationObject> {
    return this.queries.situation(principal, situationId);
  }

  // The same rules as for one situation, compiled into the statement: the coordination sees the
  // territory's, a partner those whose circle holds its organisation.
  @Query(() => SituationConnection, {
    name: 'situations',
    description:
      'Les situations du territoire que vous pouvez voir, filtrées : prochaine révision la plus proche d’abord, puis la plus ancienne ouverte ; page par page.',
  })
  @Allow('read', 'Situation')
  listSituations(
    @CurrentPrincipal() principal: Principal,
    @Args() args: SituationsArgs,
  ): Promise<Connection<SituationSummaryObject>> {
    return this.queries.situations(principal, args);
  }

  @Mutation(() => SituationObject, { description: 'Clôt la situation, avec son motif.' })
  @Allow('close', 'Situation')
  closeSituation(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'situationId',
      { type: () => ID, description: 'La situation à clore.' },
      uuidArgument('situationId'),
    )
    situationId: string,
    @Args('reason', {
      type: () => ClosureReason,
      description: 'Le motif de clôture, compté au bilan d’activité.',
    })
    reason: ClosureReason,
  ): Promise<SituationObject> {
    return this.situations.closeSituation(principal, situationId, reason);
  }

  @Mutation(() => ActionObject, { description: 'Met à jour une action : état, échéance, résultat.' })
  @Allow('update', 'SituationAction')
  updateAction(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: "L'action et ce qui change." }) input: UpdateActionInput,
  ): Promise<ActionObject> {
    return this.situations.updateAction(principal, input);
  }
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { Connection, ConnectionType } from '@relais/graphql';
import { HandoffAwaitingAnswerObject, HandoffsAwaitingAnswerArgs } from './dto/handoffs-awaiting-answer.dto';
import { HandoffAwaitingQueryService } from './handoff-awaiting-query.service';

export const HandoffAwaitingAnswerConnection = ConnectionType(HandoffAwaitingAnswerObject, {
  name: 'HandoffAwaitingAnswer',
  description: 'Une page de passages de relais sans réponse, et ce qui la suit.',
  nodeDescription: 'Un passage de relais sans réponse',
});

@Resolver()
export class HandoffAwaitingResolver {
  constructor(private readonly handoffs: HandoffAwaitingQueryService) {}

  @Query(() => HandoffAwaitingAnswerConnection, {
    description:
      'Réservé à la coordination : les passages de relais du territoire proposés et encore sans réponse, le plus ancien d’abord, page par page.',
  })
  @Allow('oversee', 'Handoff')
  handoffsAwaitingAnswer(
    @CurrentPrincipal() principal: Principal,
    @Args() args: HandoffsAwaitingAnswerArgs,
  ): Promise<Connection<HandoffAwaitingAnswerObject>> {
    return this.handoffs.handoffsAwaitingAnswer(principal, args);
  }
}

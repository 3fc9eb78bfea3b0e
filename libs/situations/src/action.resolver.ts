import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { Connection, ConnectionType } from '@relais/graphql';
import { ActionQueryService } from './action-query.service';
import { OrganisationActionsArgs } from './dto/organisation-actions.args';
import { ActionObject } from './dto/situation.objects';

export const ActionConnection = ConnectionType(ActionObject, {
  name: 'Action',
  description: 'Une page d’actions, et ce qui la suit.',
  nodeDescription: 'Une action',
});

@Resolver()
export class ActionResolver {
  constructor(private readonly actions: ActionQueryService) {}

  // Who may list an action here may update it: the same rules decide both.
  @Query(() => ActionConnection, {
    description:
      'Les actions confiées à mon organisation dans le territoire, quelle que soit l’organisation qui a saisi la cellule : par échéance, page par page.',
  })
  @Allow('read', 'SituationAction')
  myOrganisationActions(
    @CurrentPrincipal() principal: Principal,
    @Args() args: OrganisationActionsArgs,
  ): Promise<Connection<ActionObject>> {
    return this.actions.organisationActions(principal, args);
  }
}

import { Args, Context, Extensions, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, DATA_CATEGORY_EXTENSION, DataCategory, Principal } from '@relais/access';
import { Connection, ConnectionType } from '@relais/graphql';
import { FollowUpActsArgs } from './dto/follow-up-acts.args';
import { FollowUpActObject, FollowUpObject } from './dto/follow-up.objects';
import { FollowUpActsLoader } from './follow-up-acts.loader';

export const FollowUpActConnection = ConnectionType(FollowUpActObject, {
  name: 'FollowUpAct',
  description: 'Une page des actes d’un accompagnement, et ce qui la suit.',
  nodeDescription: 'Un acte',
});

/**
 * A follow-up's acts as a connection, wherever a follow-up is returned (one, a list, after a
 * change): read only when asked, and for a whole list in one statement.
 */
@Resolver(() => FollowUpObject)
export class FollowUpActsResolver {
  constructor(private readonly loader: FollowUpActsLoader) {}

  @ResolveField('acts', () => FollowUpActConnection, {
    description: 'Les actes que vous pouvez voir, du plus récent au plus ancien, page par page.',
  })
  @Extensions({ [DATA_CATEGORY_EXTENSION]: DataCategory.LOGISTIC })
  @Allow('read', 'FollowUp')
  acts(
    @CurrentPrincipal() principal: Principal,
    @Context() context: object,
    @Parent() followUp: FollowUpObject,
    @Args() args: FollowUpActsArgs,
  ): Promise<Connection<FollowUpActObject>> {
    return this.loader.load(context, principal, followUp.id, args);
  }
}

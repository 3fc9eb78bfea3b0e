import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { uuidArgument } from '@relais/graphql';
import { CharterObject, PublishCharterInput } from '../dto/charter.dto';
import { CharterService } from './charter.service';

@Resolver()
export class CharterResolver {
  constructor(private readonly service: CharterService) {}

  @Query(() => [CharterObject], { description: 'Le règlement et la charte en vigueur dans le territoire.' })
  @Allow('read', 'Charter')
  charters(
    @CurrentPrincipal() principal: Principal,
    @Args('territoryId', { type: () => ID, description: 'Le territoire.' }, uuidArgument('territoryId'))
    territoryId: string,
  ): Promise<CharterObject[]> {
    return this.service.currentCharters(principal, territoryId);
  }

  @Mutation(() => CharterObject, {
    description: 'Publie une nouvelle version : chaque membre devra l’accepter.',
  })
  @Allow('publish', 'Charter')
  publishCharter(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Le territoire, le type, le titre et le texte de la nouvelle version.' })
    input: PublishCharterInput,
  ): Promise<CharterObject> {
    return this.service.publishCharter(principal, input);
  }

  @Mutation(() => CharterObject, { description: "J'accepte cette version de la charte." })
  @Allow('accept', 'Charter')
  acceptCharter(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'charterId',
      { type: () => ID, description: 'La version acceptée (elle doit être en vigueur).' },
      uuidArgument('charterId'),
    )
    charterId: string,
  ): Promise<CharterObject> {
    return this.service.acceptCharter(principal, charterId);
  }
}

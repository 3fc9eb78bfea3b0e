import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { IdentityRevealObject, RevealIdentityInput } from './dto/identity-reveal.dto';
import { IdentityRevealService } from './identity-reveal.service';

@Resolver()
export class IdentityRevealResolver {
  constructor(private readonly reveals: IdentityRevealService) {}

  @Mutation(() => IdentityRevealObject, {
    description:
      "Dévoile à la salle l'identité de la personne d'un point, pour un temps limité : seulement si son consentement en vigueur nomme chaque organisation présente pour ce point. Tracé comme une communication.",
  })
  @Allow('record', 'Meeting')
  revealIdentityInMeeting(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Le point de la séance.' }) input: RevealIdentityInput,
  ): Promise<IdentityRevealObject> {
    return this.reveals.reveal(principal, input.itemId);
  }
}

import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { TerritoryObject } from '../dto/identity.objects';
import { SmallCountThresholdInput } from '../dto/small-count-threshold.input';
import { toTerritoryObject } from '../identity.mapper';
import { TerritorySettingsService } from './territory-settings.service';

@Resolver()
export class TerritorySettingsResolver {
  constructor(private readonly settings: TerritorySettingsService) {}

  @Mutation(() => TerritoryObject, {
    description:
      'Fixe le seuil des petits effectifs des bilans d’activité du territoire (5 par défaut, jamais moins de 3).',
  })
  @Allow('update', 'Membership')
  async setSmallCountThreshold(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Le territoire et son seuil.' }) input: SmallCountThresholdInput,
  ): Promise<TerritoryObject> {
    return toTerritoryObject(await this.settings.setSmallCountThreshold(actor, input));
  }
}

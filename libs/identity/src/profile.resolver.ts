import { Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { MeObject } from './dto/identity.objects';
import { ProfileService } from './profile.service';

@Resolver()
export class ProfileResolver {
  constructor(private readonly profiles: ProfileService) {}

  @Query(() => MeObject, { description: 'Mon compte, mon organisation et mes adhésions.' })
  @Allow('read', 'Profile')
  me(@CurrentPrincipal() principal: Principal): Promise<MeObject> {
    return this.profiles.describeMe(principal);
  }
}

import { Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from './auth/current-principal.decorator';
import { Principal } from './auth/principal';
import { MeObject } from './dto/identity.objects';
import { ProfileService } from './profile.service';

@Resolver()
export class ProfileResolver {
  constructor(private readonly profiles: ProfileService) {}

  @Query(() => MeObject, { description: 'Mon compte, mon organisation et mes adhésions.' })
  me(@CurrentPrincipal() principal: Principal): Promise<MeObject> {
    return this.profiles.describeMe(principal);
  }
}

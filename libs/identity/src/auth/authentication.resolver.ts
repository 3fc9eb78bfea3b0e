import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthSession } from '../dto/auth-session.object';
import { LogInInput, RefreshSessionInput } from '../dto/auth.input';
import { AuthenticationService } from './authentication.service';
import { RequestId } from './request-id.decorator';
import { Allow, CurrentPrincipal, Principal, Public } from '@relais/access';

@Resolver()
export class AuthenticationResolver {
  constructor(private readonly authentication: AuthenticationService) {}

  @Public()
  @Mutation(() => AuthSession, { description: 'Connexion par adresse e-mail et mot de passe.' })
  logIn(
    @Args('input', { description: 'Adresse e-mail, mot de passe et, si exigé, code de second facteur.' })
    input: LogInInput,
    @RequestId() requestId: string,
  ): Promise<AuthSession> {
    return this.authentication.logIn(input, requestId);
  }

  @Public()
  @Mutation(() => AuthSession, {
    description: 'Échange un jeton de renouvellement contre une nouvelle paire.',
  })
  refreshSession(
    @Args('input', { description: 'Le jeton de renouvellement reçu en dernier.' }) input: RefreshSessionInput,
  ): Promise<AuthSession> {
    return this.authentication.refresh(input.refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Termine la session en cours.' })
  @Allow('end', 'Session')
  async logOut(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    await this.authentication.logOut(principal);
    return true;
  }
}

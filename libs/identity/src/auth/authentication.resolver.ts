import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '@relais/graphql';
import { AuthSession } from '../dto/auth-session.object';
import { LogInInput, RefreshSessionInput } from '../dto/auth.input';
import { AuthenticationService } from './authentication.service';
import {
  clearSessionCookies,
  fromWebClient,
  presentedRefreshToken,
  setSessionCookies,
} from './browser-session';
import { RequestId } from './request-id.decorator';
import { IdentityException } from '../identity.exception';
import { Allow, CurrentPrincipal, Principal, Public } from '@relais/access';

@Resolver()
export class AuthenticationResolver {
  constructor(private readonly authentication: AuthenticationService) {}

  @Public()
  @Mutation(() => AuthSession, { description: 'Connexion par adresse e-mail et mot de passe.' })
  async logIn(
    @Args('input', { description: 'Adresse e-mail, mot de passe et, si exigé, code de second facteur.' })
    input: LogInInput,
    @RequestId() requestId: string,
    @Context() { request, reply }: GraphqlContext,
  ): Promise<AuthSession> {
    const session = await this.authentication.logIn(input, requestId);
    // The web client keeps its session in httpOnly cookies; other clients use the tokens.
    if (fromWebClient(request)) setSessionCookies(request, reply, session);
    return session;
  }

  @Public()
  @Mutation(() => AuthSession, {
    description:
      'Échange un jeton de renouvellement contre une nouvelle paire (le navigateur : celui de son cookie, `input: {}`).',
  })
  async refreshSession(
    @Context() { request, reply }: GraphqlContext,
    @Args('input', {
      description: 'Le jeton de renouvellement reçu en dernier ; omis, celui du cookie de session.',
    })
    input: RefreshSessionInput,
  ): Promise<AuthSession> {
    const refreshToken = input.refreshToken ?? presentedRefreshToken(request);
    if (!refreshToken) throw new IdentityException('INVALID_REFRESH_TOKEN');
    const session = await this.authentication.refresh(refreshToken);
    if (fromWebClient(request)) setSessionCookies(request, reply, session);
    return session;
  }

  @Mutation(() => Boolean, { description: 'Termine la session en cours.' })
  @Allow('end', 'Session')
  async logOut(
    @CurrentPrincipal() principal: Principal,
    @Context() { request, reply }: GraphqlContext,
  ): Promise<boolean> {
    await this.authentication.logOut(principal);
    clearSessionCookies(request, reply);
    return true;
  }
}

import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '@relais/graphql';
import { Allow, CurrentPrincipal, Principal, Public } from '@relais/access';
import { AuthenticationService } from '../auth/authentication.service';
import { RequestId } from '../auth/request-id.decorator';
import { fromWebClient, setSessionCookies } from '../auth/browser-session';
import { SecondFactorAdminService } from './second-factor-admin.service';
import {
  CompleteSecondFactorEnrolmentInput,
  ResetSecondFactorInput,
  SecondFactorCodeInput,
  SecondFactorEnrolledObject,
  SecondFactorEnrolmentInput,
  SecondFactorEnrolmentObject,
  SecondFactorPolicyInput,
  SecondFactorPolicyObject,
} from './second-factor.dto';
import { SecondFactorService } from './second-factor.service';

@Resolver()
export class SecondFactorResolver {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly admin: SecondFactorAdminService,
    private readonly authentication: AuthenticationService,
  ) {}

  @Public()
  @Mutation(() => SecondFactorEnrolmentObject, {
    description:
      "Commence l'enrôlement du second facteur exigé à la connexion : le secret à ajouter à une application d'authentification.",
  })
  startSecondFactorEnrolment(
    @Args('input', { description: 'Le jeton d’enrôlement reçu au refus de connexion.' })
    input: SecondFactorEnrolmentInput,
  ): Promise<SecondFactorEnrolmentObject> {
    return this.secondFactor.startEnrolment(input.enrolmentToken);
  }

  @Public()
  @Mutation(() => SecondFactorEnrolledObject, {
    description:
      "Achève l'enrôlement avec un premier code de l'application : ouvre la session et donne les codes de secours.",
  })
  async completeSecondFactorEnrolment(
    @Args('input', { description: 'Le jeton d’enrôlement et un premier code de l’application.' })
    input: CompleteSecondFactorEnrolmentInput,
    @RequestId() requestId: string,
    @Context() { request, reply }: GraphqlContext,
  ): Promise<SecondFactorEnrolledObject> {
    const enrolled = await this.authentication.completeSecondFactorEnrolment(
      input.enrolmentToken,
      input.code,
      requestId,
    );
    if (fromWebClient(request)) setSessionCookies(request, reply, enrolled.session);
    return enrolled;
  }

  @Mutation(() => [String], {
    description:
      "Remplace mes codes de secours (un code actuel de l'application est exigé) ; les anciens ne valent plus.",
  })
  @Allow('update', 'SecondFactor')
  regenerateRecoveryCodes(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Un code actuel de l’application d’authentification.' })
    input: SecondFactorCodeInput,
  ): Promise<string[]> {
    return this.secondFactor.regenerateRecoveryCodes(principal.userId, input.code, principal.requestId);
  }

  @Mutation(() => Boolean, {
    description:
      "Réinitialise le second facteur d'un membre (appareil perdu) : ses sessions prennent fin, il en enregistre un nouveau à sa prochaine connexion.",
  })
  @Allow('update', 'Membership')
  async resetSecondFactor(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Le territoire et le membre dont le second facteur est réinitialisé.' })
    input: ResetSecondFactorInput,
  ): Promise<boolean> {
    await this.admin.resetSecondFactor(actor, input);
    return true;
  }

  @Mutation(() => SecondFactorPolicyObject, {
    description:
      'Étend le second facteur à tous les membres du territoire, ou le réserve aux rôles qui lisent l’identité ou davantage.',
  })
  @Allow('update', 'Membership')
  setSecondFactorPolicy(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Le territoire et la règle choisie.' }) input: SecondFactorPolicyInput,
  ): Promise<SecondFactorPolicyObject> {
    return this.admin.setSecondFactorPolicy(actor, input);
  }
}

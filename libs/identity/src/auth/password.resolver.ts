import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal, Public } from '@relais/access';
import { ChangePasswordInput, SetPasswordInput } from '../dto/auth.input';
import { PasswordService } from './password.service';
import { RequestId } from './request-id.decorator';

@Resolver()
export class PasswordResolver {
  constructor(private readonly passwords: PasswordService) {}

  @Mutation(() => Boolean, {
    description:
      'Change mon mot de passe (le mot de passe actuel est demandé) ; mes autres sessions sont fermées, celle-ci reste ouverte.',
  })
  @Allow('change', 'Password')
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Mot de passe actuel et nouveau mot de passe.' })
    input: ChangePasswordInput,
  ): Promise<boolean> {
    await this.passwords.changePassword(principal, input);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Choisit son mot de passe par le lien à usage unique reçu (nouveau compte ou accès réinitialisé) ; les sessions ouvertes du compte sont fermées. Se connecter ensuite.',
  })
  async setPassword(
    @Args('input', { description: 'Le jeton du lien et le mot de passe choisi.' }) input: SetPasswordInput,
    @RequestId() requestId: string,
  ): Promise<boolean> {
    await this.passwords.setPassword(input, requestId);
    return true;
  }
}

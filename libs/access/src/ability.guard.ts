import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestException } from '@relais/graphql';
import { AccessService } from './access.service';
import { ACCESS_REQUIREMENT, AccessRequirement } from './access-requirement';
import { requestOf } from './current-principal.decorator';
import { AccessRefusalReporter } from './refusal/access-refusal.reporter';

/** Runs after the global authentication guard, which has put the principal on the request. */
@Injectable()
export class AbilityGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
    private readonly refusals: AccessRefusalReporter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.get<AccessRequirement | undefined>(
      ACCESS_REQUIREMENT,
      context.getHandler(),
    );
    const principal = requestOf(context).principal;
    if (!principal) throw new RequestException('NOT_AUTHENTICATED');
    if (!requirement) throw new RequestException('NOT_ALLOWED');
    try {
      this.access.assertMayAttempt(principal, requirement.action, requirement.subject);
    } catch (error) {
      // Interceptors never see a guard's refusal: it is reported here.
      await this.refusals.report(context, error);
      throw error;
    }
    return true;
  }
}

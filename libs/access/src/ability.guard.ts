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

  canActivate(context: ExecutionContext): boolean {
    const requirement = this.reflector.get<AccessRequirement | undefined>(
      ACCESS_REQUIREMENT,
      context.getHandler(),
    );
    const principal = requestOf(context).principal;
    if (!principal) throw new RequestException('NOT_AUTHENTICATED');
    if (!requirement) throw new RequestException('NOT_ALLOWED');
    // A refusal, here or in the service, is recorded by the exception filter with this subject.
    this.refusals.remember(context, requirement);
    this.access.assertMayAttempt(principal, requirement.action, requirement.subject);
    return true;
  }
}

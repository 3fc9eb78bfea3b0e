import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AbilityGuard } from './ability.guard';
import { AccessBasisResolver, accessBasisPolicy } from './access-basis.resolver';
import { AccessService } from './access.service';
import { registerPolicy } from './policy/policy-registry';
import { AccessRefusalInterceptor } from './refusal/access-refusal.interceptor';
import { AccessRefusalReporter } from './refusal/access-refusal.reporter';

registerPolicy(accessBasisPolicy);

/**
 * Refusals are handed to `ACCESS_REFUSAL_LISTENER` when a module provides it (the audit library
 * does): one record per refused request, whichever of the guard or a service refused.
 */
@Global()
@Module({
  providers: [
    AccessService,
    AbilityGuard,
    AccessRefusalReporter,
    { provide: APP_INTERCEPTOR, useClass: AccessRefusalInterceptor },
  ],
  exports: [AccessService, AbilityGuard, AccessRefusalReporter],
})
export class AccessModule {}

/** The "why can I see this?" query. */
@Module({ providers: [AccessBasisResolver] })
export class AccessGraphqlModule {}

import { Global, Module } from '@nestjs/common';
import { AbilityGuard } from './ability.guard';
import { AccessBasisResolver, accessBasisPolicy } from './access-basis.resolver';
import { AccessService } from './access.service';
import { registerPolicy } from './policy/policy-registry';
import { AccessRefusalReporter } from './refusal/access-refusal.reporter';

registerPolicy(accessBasisPolicy);

/**
 * Refusals are handed to `ACCESS_REFUSAL_LISTENER` when a module provides it (the audit library
 * does): one record per refused request, whichever of the guard or a service refused. The api's
 * exception filter asks for them (`refusalWitness`): an interceptor would do the same at the cost
 * of an rxjs pipeline and two async resources around every resolver call.
 */
@Global()
@Module({
  providers: [AccessService, AbilityGuard, AccessRefusalReporter],
  exports: [AccessService, AbilityGuard, AccessRefusalReporter],
})
export class AccessModule {}

/** The "why can I see this?" query. */
@Module({ providers: [AccessBasisResolver] })
export class AccessGraphqlModule {}

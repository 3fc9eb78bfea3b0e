import { Global, Module } from '@nestjs/common';
import { AbilityGuard } from './ability.guard';
import { AccessBasisResolver, accessBasisPolicy } from './access-basis.resolver';
import { AccessService } from './access.service';
import { registerPolicy } from './policy/policy-registry';

registerPolicy(accessBasisPolicy);

@Global()
@Module({ providers: [AccessService, AbilityGuard], exports: [AccessService, AbilityGuard] })
export class AccessModule {}

/** The "why can I see this?" query. */
@Module({ providers: [AccessBasisResolver] })
export class AccessGraphqlModule {}

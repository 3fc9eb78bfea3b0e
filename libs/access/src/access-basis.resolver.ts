import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ScopedDatabase } from '@relais/database';
import { InputValidationException } from '@relais/graphql';
import { AccessService } from './access.service';
import { Allow } from './allow.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import { LegalBasis } from './domain/legal-basis';
import { definePolicy } from './policy/policy';
import { policyRegistry } from './policy/policy-registry';
import { Principal } from './principal';

@ObjectType('AccessGrant', { description: 'Ce qui vous donne accès à un élément, et sur quel fondement.' })
export class AccessGrantObject {
  @Field(() => LegalBasis, { description: 'Le fondement de l’accès.' })
  basis!: LegalBasis;

  @Field({ description: 'L’explication, en clair, de la règle qui donne cet accès.' })
  explanation!: string;
}

/** Asking why one sees something is open to everyone; the answer covers only what one can see. */
export const accessBasisPolicy = definePolicy({
  name: 'access',
  subjects: { AccessBasis: { description: "fondement d'un accès" } },
  define(_principal, { allow }) {
    allow('read', 'AccessBasis', undefined, {
      basis: LegalBasis.SELF,
      explanation: 'Chacun peut savoir pourquoi il voit une information.',
    });
  },
});

@Resolver()
export class AccessBasisResolver {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
  ) {}

  @Query(() => [AccessGrantObject], {
    description:
      'Pourquoi puis-je voir cet élément ? La relation et le fondement (adhésion, saisine, invitation, consentement, dérogation).',
  })
  @Allow('read', 'AccessBasis')
  accessBasis(
    @CurrentPrincipal() principal: Principal,
    @Args('subjectType', { description: 'Le type d’élément (par exemple « Referral », « Situation »).' })
    subjectType: string,
    @Args(
      'subjectId',
      { type: () => ID, description: 'L’identifiant de l’élément.' },
      new ParseUUIDPipe({
        exceptionFactory: () =>
          new InputValidationException([{ field: 'subjectId', message: "L'identifiant n'est pas valide." }]),
      }),
    )
    subjectId: string,
  ): Promise<AccessGrantObject[]> {
    if (!policyRegistry.subjectNames().includes(subjectType) || !policyRegistry.subject(subjectType).entity) {
      throw new InputValidationException([
        { field: 'subjectType', message: "Ce type d'élément est inconnu." },
      ]);
    }
    return this.database.run({ territoryIds: principal.territoryIds }, (manager) =>
      this.access.explainById(manager, principal, 'read', subjectType, subjectId),
    );
  }
}

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Principal } from '../auth/principal';
import {
  CreateOrganisationInput,
  CreateUserInput,
  GrantRoleInput,
  MembershipTargetInput,
  RevokeRoleInput,
} from '../dto/admin.input';
import {
  MembershipObject,
  OrganisationObject,
  TerritoryMemberObject,
  UserObject,
} from '../dto/identity.objects';
import { toMembershipObject, toOrganisationObject, toUserObject } from '../identity.mapper';
import { IdentityAdminService } from './identity-admin.service';
import { InputValidationException } from '@relais/graphql';

const territoryIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new InputValidationException([
      { field: 'territoryId', message: "L'identifiant du territoire n'est pas valide." },
    ]),
});

@Resolver()
export class IdentityAdminResolver {
  constructor(private readonly admin: IdentityAdminService) {}

  @Query(() => [OrganisationObject], { description: 'Les partenaires du territoire (administration).' })
  async organisations(
    @CurrentPrincipal() actor: Principal,
    @Args('territoryId', { type: () => ID }, territoryIdPipe) territoryId: string,
  ): Promise<OrganisationObject[]> {
    return (await this.admin.listOrganisations(actor, territoryId)).map(toOrganisationObject);
  }

  @Query(() => [TerritoryMemberObject], {
    description: 'Les comptes du territoire et leurs rôles (administration).',
  })
  async territoryMembers(
    @CurrentPrincipal() actor: Principal,
    @Args('territoryId', { type: () => ID }, territoryIdPipe) territoryId: string,
  ): Promise<TerritoryMemberObject[]> {
    return (await this.admin.listMembers(actor, territoryId)).map((membership) => ({
      user: toUserObject(membership.user!),
      membership: toMembershipObject(membership),
    }));
  }

  @Mutation(() => OrganisationObject)
  async createOrganisation(
    @CurrentPrincipal() actor: Principal,
    @Args('input') input: CreateOrganisationInput,
  ): Promise<OrganisationObject> {
    return toOrganisationObject(await this.admin.createOrganisation(actor, input));
  }

  @Mutation(() => UserObject)
  async createUser(
    @CurrentPrincipal() actor: Principal,
    @Args('input') input: CreateUserInput,
  ): Promise<UserObject> {
    return toUserObject(await this.admin.createUser(actor, input));
  }

  @Mutation(() => MembershipObject)
  async grantRole(
    @CurrentPrincipal() actor: Principal,
    @Args('input') input: GrantRoleInput,
  ): Promise<MembershipObject> {
    return toMembershipObject(await this.admin.grantRole(actor, input));
  }

  @Mutation(() => MembershipObject)
  async revokeRole(
    @CurrentPrincipal() actor: Principal,
    @Args('input') input: RevokeRoleInput,
  ): Promise<MembershipObject> {
    return toMembershipObject(await this.admin.revokeRole(actor, input));
  }

  @Mutation(() => MembershipObject)
  async suspendMembership(
    @CurrentPrincipal() actor: Principal,
    @Args('input') input: MembershipTargetInput,
  ): Promise<MembershipObject> {
    return toMembershipObject(await this.admin.suspendMembership(actor, input));
  }

  @Mutation(() => MembershipObject)
  async reactivateMembership(
    @CurrentPrincipal() actor: Principal,
    @Args('input') input: MembershipTargetInput,
  ): Promise<MembershipObject> {
    return toMembershipObject(await this.admin.reactivateMembership(actor, input));
  }
}

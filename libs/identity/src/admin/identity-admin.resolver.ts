import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NarrowSharingMatrixInput, SharingMatrixEntryObject } from '../dto/sharing-matrix.dto';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import {
  CreateOrganisationInput,
  CreateUserInput,
  GrantRoleInput,
  MembershipTargetInput,
  RevokeRoleInput,
} from '../dto/admin.input';
import {
  CreatedUserObject,
  MembershipObject,
  OrganisationObject,
  SetPasswordLinkObject,
} from '../dto/identity.objects';
import {
  toMembershipObject,
  toOrganisationObject,
  toSetPasswordLinkObject,
  toUserObject,
} from '../identity.mapper';
import { IdentityAdminService } from './identity-admin.service';
import { PasswordResetService } from './password-reset.service';
import { Connection, ConnectionType, pageOf } from '@relais/graphql';
import { OrganisationsArgs, TerritoryMembersArgs } from '../dto/directory.args';
import { CountedMemberPage, TerritoryMemberConnection } from '../dto/territory-member-connection';

export const OrganisationConnection = ConnectionType(OrganisationObject, {
  name: 'Organisation',
  description: 'Une page de partenaires, et ce qui la suit.',
  nodeDescription: 'Un partenaire',
});

@Resolver()
export class IdentityAdminResolver {
  constructor(
    private readonly admin: IdentityAdminService,
    private readonly resets: PasswordResetService,
  ) {}

  @Query(() => OrganisationConnection, {
    description: 'Les partenaires du territoire, par ordre alphabétique, page par page.',
  })
  @Allow('read', 'Organisation')
  async organisations(
    @CurrentPrincipal() actor: Principal,
    @Args() args: OrganisationsArgs,
  ): Promise<Connection<OrganisationObject>> {
    return pageOf(
      await this.admin.listOrganisations(actor, args),
      args.first,
      (organisation) => [organisation.name, organisation.id],
      toOrganisationObject,
    );
  }

  @Query(() => TerritoryMemberConnection, {
    description:
      "L'annuaire du territoire : comptes et rôles (statut réservé à l'administration), par nom puis prénom, page par page.",
  })
  @Allow('read', 'Membership')
  async territoryMembers(
    @CurrentPrincipal() actor: Principal,
    @Args() args: TerritoryMembersArgs,
  ): Promise<CountedMemberPage> {
    const { rows, totalCount } = await this.admin.listMembers(actor, args);
    const page = pageOf(
      rows,
      args.first,
      ({ membership }) => [membership.user!.lastName, membership.user!.firstName, membership.id],
      ({ membership, redactedFields }) => ({
        user: toUserObject(membership.user!),
        membership: toMembershipObject(membership, redactedFields),
      }),
    );
    return { ...page, totalCount };
  }

  @Mutation(() => OrganisationObject, {
    description: 'Ajoute un partenaire au territoire (FINESS et SIRET vérifiés par leur clé de contrôle).',
  })
  @Allow('create', 'Organisation')
  async createOrganisation(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Le partenaire à créer.' }) input: CreateOrganisationInput,
  ): Promise<OrganisationObject> {
    return toOrganisationObject(await this.admin.createOrganisation(actor, input));
  }

  @Mutation(() => CreatedUserObject, {
    description:
      'Crée un compte sans mot de passe : la personne le choisit par un lien à usage unique, envoyé par e-mail quand l’envoi est configuré, sinon montré une seule fois ici.',
  })
  @Allow('create', 'User')
  async createUser(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Le compte à créer, son organisation et ses premiers rôles.' })
    input: CreateUserInput,
  ): Promise<CreatedUserObject> {
    const { user, link } = await this.admin.createUser(actor, input);
    return { user: toUserObject(user), setPasswordLink: toSetPasswordLinkObject(link) };
  }

  @Mutation(() => SetPasswordLinkObject, {
    description:
      'Réinitialise l’accès d’un membre (mot de passe oublié) : son mot de passe cesse de fonctionner, ses sessions sont fermées, et un nouveau lien à usage unique lui est envoyé par e-mail, ou montré une seule fois ici sans envoi configuré.',
  })
  @Allow('update', 'Membership')
  async issueSetPasswordLink(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Le territoire et le membre dont l’accès est réinitialisé.' })
    input: MembershipTargetInput,
  ): Promise<SetPasswordLinkObject> {
    return toSetPasswordLinkObject(await this.resets.issueSetPasswordLink(actor, input));
  }

  @Mutation(() => MembershipObject, {
    description:
      'Donne un rôle à un compte du territoire, en créant son adhésion s’il n’en a pas encore ; jamais à son propre compte.',
  })
  @Allow('update', 'Membership')
  async grantRole(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Le compte, le rôle donné et, au besoin, la cellule et la suppléance.' })
    input: GrantRoleInput,
  ): Promise<MembershipObject> {
    return toMembershipObject(await this.admin.grantRole(actor, input));
  }

  @Mutation(() => MembershipObject, {
    description: 'Retire un rôle à un membre ; on ne peut pas se retirer son propre rôle d’administration.',
  })
  @Allow('update', 'Membership')
  async revokeRole(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Le membre et le rôle retiré.' }) input: RevokeRoleInput,
  ): Promise<MembershipObject> {
    return toMembershipObject(await this.admin.revokeRole(actor, input));
  }

  @Mutation(() => MembershipObject, {
    description:
      'Suspend l’adhésion d’un membre (jamais la sienne) : plus aucun rôle dans le territoire dès sa prochaine requête.',
  })
  @Allow('update', 'Membership')
  async suspendMembership(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Le territoire et le membre suspendu.' }) input: MembershipTargetInput,
  ): Promise<MembershipObject> {
    return toMembershipObject(await this.admin.suspendMembership(actor, input));
  }

  @Mutation(() => MembershipObject, {
    description: 'Réactive une adhésion suspendue, qui retrouve ses rôles ; jamais la sienne.',
  })
  @Allow('update', 'Membership')
  async reactivateMembership(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Le territoire et le membre réactivé.' }) input: MembershipTargetInput,
  ): Promise<MembershipObject> {
    return toMembershipObject(await this.admin.reactivateMembership(actor, input));
  }

  @Mutation(() => [SharingMatrixEntryObject], {
    description:
      'Restreint ce que chaque catégorie de professionnels lit dans le territoire (jamais au-delà de la loi).',
  })
  @Allow('update', 'Membership')
  narrowSharingMatrix(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Le territoire et ce que lit chaque catégorie de professionnels.' })
    input: NarrowSharingMatrixInput,
  ): Promise<SharingMatrixEntryObject[]> {
    return this.admin.narrowSharingMatrix(actor, input);
  }
}

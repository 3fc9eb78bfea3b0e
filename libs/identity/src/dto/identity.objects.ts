import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationKind } from '../domain/organisation-kind';
import { Categorized, DataCategory, Role, SharingCategory } from '@relais/access';
import { MembershipStatus } from '../domain/membership-status';
import { Profession } from '../domain/profession';

@ObjectType('TerritorySettings')
export class TerritorySettingsObject {
  @Field(() => Int, { description: 'Durée de validité d’un consentement, en mois.' })
  consentValidityMonths!: number;

  @Field(() => Int, { description: "Durée d'un accompagnement, en mois." })
  followUpLengthMonths!: number;

  @Field(() => Int, { description: "Nombre de renouvellements d'un accompagnement." })
  followUpRenewals!: number;
}

@ObjectType('Territory')
export class TerritoryObject {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => TerritorySettingsObject)
  settings!: TerritorySettingsObject;
}

@ObjectType('Cell')
export class CellObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  territoryId!: string;

  @Field()
  name!: string;
}

@ObjectType('Organisation')
export class OrganisationObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  territoryId!: string;

  @Field()
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => String, { nullable: true })
  finess!: string | null;

  @Field(() => String, { nullable: true })
  siret!: string | null;
}

@ObjectType('Membership', {
  description: 'L’adhésion d’un professionnel au territoire : ses rôles, sa cellule, sa suppléance.',
})
export class MembershipObject {
  @Field(() => ID, { description: 'Identifiant de l’adhésion.' })
  @Categorized(DataCategory.LOGISTIC)
  id!: string;

  @Field(() => ID, { description: 'Le territoire.' })
  @Categorized(DataCategory.LOGISTIC)
  territoryId!: string;

  @Field(() => ID, { description: 'Le compte du professionnel.' })
  @Categorized(DataCategory.LOGISTIC)
  userId!: string;

  @Field(() => [Role], { description: 'Les rôles tenus dans le territoire.' })
  @Categorized(DataCategory.LOGISTIC)
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: 'La cellule, s’il y en a plusieurs.' })
  @Categorized(DataCategory.LOGISTIC)
  cellId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Adhésion du membre titulaire suppléé.' })
  @Categorized(DataCategory.LOGISTIC)
  substituteOfId!: string | null;

  @Field(() => MembershipStatus, { nullable: true, description: "Réservé à l'administration du territoire." })
  @Categorized(DataCategory.LOGISTIC)
  status!: MembershipStatus | null;

  @Field(() => [String], { description: 'Champs masqués pour vous (lus comme null).' })
  redactedFields!: string[];
}

@ObjectType('User')
export class UserObject {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field(() => Profession)
  profession!: Profession;

  @Field(() => SharingCategory)
  sharingCategory!: SharingCategory;

  @Field({ description: 'Professionnel·le de santé au sens du code de la santé publique.' })
  isHealthProfessional!: boolean;

  @Field(() => ID)
  organisationId!: string;
}

@ObjectType('SetPasswordLink', {
  description: 'Le lien à usage unique qui permet à une personne de choisir son mot de passe.',
})
export class SetPasswordLinkObject {
  @Field({
    description:
      'Vrai quand le lien a été envoyé par e-mail à la personne : il n’est alors montré à personne.',
  })
  sentByEmail!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Le lien, quand aucun e-mail ne peut être envoyé. Montré cette seule fois et conservé nulle part : à transmettre à la personne par un canal sûr.',
  })
  link!: string | null;

  @Field(() => Date, { nullable: true, description: 'Fin de validité du lien montré ici.' })
  expiresAt!: Date | null;
}

@ObjectType('CreatedUser', { description: 'Le compte créé, et son lien pour choisir un mot de passe.' })
export class CreatedUserObject {
  @Field(() => UserObject, { description: 'Le compte, sans mot de passe tant que le lien n’a pas servi.' })
  user!: UserObject;

  @Field(() => SetPasswordLinkObject, { description: 'Le lien pour choisir le mot de passe.' })
  setPasswordLink!: SetPasswordLinkObject;
}

@ObjectType('MyMembership')
export class MyMembershipObject {
  @Field(() => ID)
  id!: string;

  @Field(() => TerritoryObject)
  territory!: TerritoryObject;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => CellObject, { nullable: true })
  cell!: CellObject | null;

  @Field(() => MembershipStatus)
  status!: MembershipStatus;

  @Field({ description: 'La version en vigueur de la charte du territoire est acceptée.' })
  charterAccepted!: boolean;
}

@ObjectType('Me')
export class MeObject extends UserObject {
  @Field(() => OrganisationObject)
  organisation!: OrganisationObject;

  @Field(() => [MyMembershipObject])
  memberships!: MyMembershipObject[];
}

@ObjectType('TerritoryMember', {
  description: "Un compte et son adhésion au territoire (vue d'administration).",
})
export class TerritoryMemberObject {
  @Field(() => UserObject)
  user!: UserObject;

  @Field(() => MembershipObject)
  membership!: MembershipObject;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationKind } from '../domain/organisation-kind';
import { Categorized, DataCategory, Role, SharingCategory } from '@relais/access';
import { MembershipStatus } from '../domain/membership-status';
import { Profession } from '../domain/profession';

@ObjectType('TerritorySettings', {
  description: 'Les réglages du territoire (valeurs par défaut sauf choix contraire du territoire).',
})
export class TerritorySettingsObject {
  @Field(() => Int, { description: 'Durée de validité d’un consentement, en mois.' })
  consentValidityMonths!: number;

  @Field(() => Int, { description: "Durée d'un accompagnement, en mois." })
  followUpLengthMonths!: number;

  @Field(() => Int, { description: "Nombre de renouvellements d'un accompagnement." })
  followUpRenewals!: number;

  @Field(() => Int, {
    description:
      'Seuil des petits effectifs : dans les bilans d’activité, un effectif non nul inférieur est masqué (5 par défaut, jamais moins de 3).',
  })
  smallCountThreshold!: number;
}

@ObjectType('Territory', { description: 'Un territoire : le conseil local de santé mentale (CLSM).' })
export class TerritoryObject {
  @Field(() => ID, { description: 'Identifiant du territoire.' })
  id!: string;

  @Field({ description: 'Nom du CLSM.' })
  name!: string;

  @Field(() => TerritorySettingsObject, { description: 'Les réglages du territoire.' })
  settings!: TerritorySettingsObject;
}

@ObjectType('Cell', {
  description: 'Une cellule de situations complexes du territoire (il peut y en avoir plusieurs).',
})
export class CellObject {
  @Field(() => ID, { description: 'Identifiant de la cellule.' })
  id!: string;

  @Field(() => ID, { description: 'Le territoire de la cellule.' })
  territoryId!: string;

  @Field({ description: 'Nom de la cellule (par quartier, par tranche d’âge…).' })
  name!: string;
}

@ObjectType('Organisation', {
  description: 'Un partenaire du territoire (CCAS, bailleur, CMP, mairie, association…).',
})
export class OrganisationObject {
  @Field(() => ID, { description: 'Identifiant du partenaire.' })
  id!: string;

  @Field(() => ID, { description: 'Le territoire du partenaire.' })
  territoryId!: string;

  @Field({ description: 'Nom du partenaire, unique dans le territoire.' })
  name!: string;

  @Field(() => OrganisationKind, { description: 'Nature du partenaire.' })
  kind!: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'Numéro FINESS (9 caractères), null s’il n’en a pas.' })
  finess!: string | null;

  @Field(() => String, { nullable: true, description: 'Numéro SIRET (14 chiffres), null s’il n’en a pas.' })
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

@ObjectType('User', { description: 'Le compte d’un·e professionnel·le.' })
export class UserObject {
  @Field(() => ID, { description: 'Identifiant du compte.' })
  id!: string;

  @Field({ description: 'Adresse e-mail de connexion (en minuscules).' })
  email!: string;

  @Field({ description: 'Prénom.' })
  firstName!: string;

  @Field({ description: 'Nom.' })
  lastName!: string;

  @Field(() => Profession, { description: 'Profession.' })
  profession!: Profession;

  @Field(() => SharingCategory, {
    description:
      'Catégorie de partage, déduite de la profession et de la nature de l’organisation (article R1110-2 du code de la santé publique).',
  })
  sharingCategory!: SharingCategory;

  @Field({ description: 'Professionnel·le de santé au sens du code de la santé publique.' })
  isHealthProfessional!: boolean;

  @Field(() => ID, { description: 'L’organisation qui emploie la personne.' })
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

@ObjectType('MyMembership', { description: 'Une de mes adhésions à un territoire, active ou suspendue.' })
export class MyMembershipObject {
  @Field(() => ID, { description: 'Identifiant de l’adhésion.' })
  id!: string;

  @Field(() => TerritoryObject, { description: 'Le territoire.' })
  territory!: TerritoryObject;

  @Field(() => [Role], { description: 'Mes rôles dans ce territoire.' })
  roles!: Role[];

  @Field(() => CellObject, {
    nullable: true,
    description: 'Ma cellule ; null si l’adhésion n’en désigne pas.',
  })
  cell!: CellObject | null;

  @Field(() => MembershipStatus, {
    description: 'Active ou suspendue : suspendue, elle ne donne aucun rôle.',
  })
  status!: MembershipStatus;

  @Field({ description: 'La version en vigueur de la charte du territoire est acceptée.' })
  charterAccepted!: boolean;
}

@ObjectType('Me', { description: 'Mon compte, mon organisation et mes adhésions.' })
export class MeObject extends UserObject {
  @Field(() => OrganisationObject, { description: 'Mon organisation.' })
  organisation!: OrganisationObject;

  @Field(() => [MyMembershipObject], { description: 'Mes adhésions, des plus anciennes aux plus récentes.' })
  memberships!: MyMembershipObject[];

  @Field(() => Int, {
    description:
      'Durée sans activité, en minutes, après laquelle ma session se ferme (le navigateur déconnecte alors de lui-même).',
  })
  sessionIdleTimeoutMinutes!: number;
}

@ObjectType('TerritoryMember', {
  description: "Un compte et son adhésion au territoire (vue d'administration).",
})
export class TerritoryMemberObject {
  @Field(() => UserObject, { description: 'Le compte.' })
  user!: UserObject;

  @Field(() => MembershipObject, { description: 'Son adhésion au territoire.' })
  membership!: MembershipObject;
}

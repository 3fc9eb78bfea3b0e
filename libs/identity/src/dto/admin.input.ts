import { Field, ID, InputType } from '@nestjs/graphql';

import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { OrganisationKind } from '../domain/organisation-kind';
import { Profession } from '../domain/profession';
import { Role } from '@relais/access';

const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === ''
    ? undefined
    : typeof value === 'string'
      ? value.trim()
      : value;

const TERRITORY = { message: "L'identifiant du territoire n'est pas valide." };

@InputType({ description: 'Un nouveau partenaire du territoire.' })
export class CreateOrganisationInput {
  @Field(() => ID, { description: 'Le territoire administré.' })
  @IsUUID('4', TERRITORY)
  territoryId!: string;

  @Field({ description: 'Nom du partenaire (2 à 200 caractères), unique dans le territoire.' })
  @IsString({ message: 'Le nom est obligatoire.' })
  @Length(2, 200, { message: 'Le nom doit contenir entre 2 et 200 caractères.' })
  name!: string;

  @Field(() => OrganisationKind, { description: 'Nature du partenaire.' })
  @IsEnum(OrganisationKind, { message: "La nature du partenaire n'est pas reconnue." })
  kind!: OrganisationKind;

  @Field({ nullable: true, description: 'Numéro FINESS (9 caractères, clé vérifiée), facultatif.' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(\d{2}|2A|2B)\d{7}$/, { message: 'Le numéro FINESS doit comporter 9 caractères.' })
  finess?: string;

  @Field({
    nullable: true,
    description: 'Numéro SIRET (14 chiffres, espaces ignorés, clé vérifiée), facultatif.',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s/g, '') || undefined : value))
  @IsOptional()
  @Matches(/^\d{14}$/, { message: 'Le numéro SIRET doit comporter 14 chiffres.' })
  siret?: string;
}

@InputType({ description: 'Un nouveau compte, créé sans mot de passe, avec son adhésion au territoire.' })
export class CreateUserInput {
  @Field(() => ID, { description: 'Le territoire administré.' })
  @IsUUID('4', TERRITORY)
  territoryId!: string;

  @Field(() => ID, { description: 'L’organisation qui emploie la personne (un partenaire du territoire).' })
  @IsUUID('4', { message: "L'identifiant du partenaire n'est pas valide." })
  organisationId!: string;

  @Field({ description: 'Adresse e-mail de connexion, unique.' })
  @IsEmail({}, { message: "L'adresse e-mail n'est pas valide." })
  @MaxLength(254, { message: "L'adresse e-mail est trop longue." })
  email!: string;

  @Field({ description: 'Prénom.' })
  @IsString({ message: 'Le prénom est obligatoire.' })
  @Length(1, 100, { message: 'Le prénom doit contenir entre 1 et 100 caractères.' })
  firstName!: string;

  @Field({ description: 'Nom.' })
  @IsString({ message: 'Le nom est obligatoire.' })
  @Length(1, 100, { message: 'Le nom doit contenir entre 1 et 100 caractères.' })
  lastName!: string;

  @Field(() => Profession, {
    description: 'Profession ; avec la nature de l’organisation, elle fixe la catégorie de partage.',
  })
  @IsEnum(Profession, { message: "La profession n'est pas reconnue." })
  profession!: Profession;

  @Field(() => [Role], { description: 'Les rôles de départ dans le territoire (au moins un).' })
  @ArrayMinSize(1, { message: 'Au moins un rôle est nécessaire.' })
  @ArrayMaxSize(6, { message: 'Trop de rôles.' })
  @IsEnum(Role, { each: true, message: "Un des rôles n'est pas reconnu." })
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: 'La cellule, s’il y en a plusieurs ; facultatif.' })
  @IsOptional()
  @IsUUID('4', { message: "L'identifiant de la cellule n'est pas valide." })
  cellId?: string;
}

@InputType({ description: 'Un rôle à donner à un compte du territoire.' })
export class GrantRoleInput {
  @Field(() => ID, { description: 'Le territoire administré.' })
  @IsUUID('4', TERRITORY)
  territoryId!: string;

  @Field(() => ID, { description: 'Le compte qui reçoit le rôle (jamais le sien).' })
  @IsUUID('4', { message: "L'identifiant de l'utilisateur n'est pas valide." })
  userId!: string;

  @Field(() => Role, { description: 'Le rôle donné.' })
  @IsEnum(Role, { message: "Le rôle n'est pas reconnu." })
  role!: Role;

  @Field(() => ID, {
    nullable: true,
    description: 'La cellule de l’adhésion ; absente, elle reste inchangée.',
  })
  @IsOptional()
  @IsUUID('4', { message: "L'identifiant de la cellule n'est pas valide." })
  cellId?: string;

  @Field(() => ID, { nullable: true, description: 'Le membre titulaire que cette personne supplée.' })
  @IsOptional()
  @IsUUID('4', { message: "L'identifiant de la personne suppléée n'est pas valide." })
  substituteOfUserId?: string;
}

@InputType({ description: 'Un rôle à retirer à un membre du territoire.' })
export class RevokeRoleInput {
  @Field(() => ID, { description: 'Le territoire administré.' })
  @IsUUID('4', TERRITORY)
  territoryId!: string;

  @Field(() => ID, { description: 'Le compte du membre.' })
  @IsUUID('4', { message: "L'identifiant de l'utilisateur n'est pas valide." })
  userId!: string;

  @Field(() => Role, { description: 'Le rôle retiré (il doit être tenu).' })
  @IsEnum(Role, { message: "Le rôle n'est pas reconnu." })
  role!: Role;
}

@InputType({ description: 'Le membre visé dans un territoire administré.' })
export class MembershipTargetInput {
  @Field(() => ID, { description: 'Le territoire administré.' })
  @IsUUID('4', TERRITORY)
  territoryId!: string;

  @Field(() => ID, { description: 'Le compte du membre.' })
  @IsUUID('4', { message: "L'identifiant de l'utilisateur n'est pas valide." })
  userId!: string;
}

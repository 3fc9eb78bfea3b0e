import { Field, ID, InputType } from '@nestjs/graphql';
import { Trimmed } from '@relais/graphql';
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

@InputType()
export class CreateOrganisationInput {
  @Field(() => ID)
  @IsUUID('4', TERRITORY)
  territoryId!: string;

  @Field()
  @Trimmed()
  @IsString({ message: 'Le nom est obligatoire.' })
  @Length(2, 200, { message: 'Le nom doit contenir entre 2 et 200 caractères.' })
  name!: string;

  @Field(() => OrganisationKind)
  @IsEnum(OrganisationKind, { message: "La nature du partenaire n'est pas reconnue." })
  kind!: OrganisationKind;

  @Field({ nullable: true })
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(\d{2}|2A|2B)\d{7}$/, { message: 'Le numéro FINESS doit comporter 9 caractères.' })
  finess?: string;

  @Field({ nullable: true })
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s/g, '') || undefined : value))
  @IsOptional()
  @Matches(/^\d{14}$/, { message: 'Le numéro SIRET doit comporter 14 chiffres.' })
  siret?: string;
}

@InputType()
export class CreateUserInput {
  @Field(() => ID)
  @IsUUID('4', TERRITORY)
  territoryId!: string;

  @Field(() => ID)
  @IsUUID('4', { message: "L'identifiant du partenaire n'est pas valide." })
  organisationId!: string;

  @Field()
  @Trimmed()
  @IsEmail({}, { message: "L'adresse e-mail n'est pas valide." })
  @MaxLength(254, { message: "L'adresse e-mail est trop longue." })
  email!: string;

  @Field()
  @Trimmed()
  @IsString({ message: 'Le prénom est obligatoire.' })
  @Length(1, 100, { message: 'Le prénom doit contenir entre 1 et 100 caractères.' })
  firstName!: string;

  @Field()
  @Trimmed()
  @IsString({ message: 'Le nom est obligatoire.' })
  @Length(1, 100, { message: 'Le nom doit contenir entre 1 et 100 caractères.' })
  lastName!: string;

  @Field(() => Profession)
  @IsEnum(Profession, { message: "La profession n'est pas reconnue." })
  profession!: Profession;

  @Field(() => [Role])
  @ArrayMinSize(1, { message: 'Au moins un rôle est nécessaire.' })
  @ArrayMaxSize(6, { message: 'Trop de rôles.' })
  @IsEnum(Role, { each: true, message: "Un des rôles n'est pas reconnu." })
  roles!: Role[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('4', { message: "L'identifiant de la cellule n'est pas valide." })
  cellId?: string;
}

@InputType()
export class GrantRoleInput {
  @Field(() => ID)
  @IsUUID('4', TERRITORY)
  territoryId!: string;

  @Field(() => ID)
  @IsUUID('4', { message: "L'identifiant de l'utilisateur n'est pas valide." })
  userId!: string;

  @Field(() => Role)
  @IsEnum(Role, { message: "Le rôle n'est pas reconnu." })
  role!: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('4', { message: "L'identifiant de la cellule n'est pas valide." })
  cellId?: string;

  @Field(() => ID, { nullable: true, description: 'Le membre titulaire que cette personne supplée.' })
  @IsOptional()
  @IsUUID('4', { message: "L'identifiant de la personne suppléée n'est pas valide." })
  substituteOfUserId?: string;
}

@InputType()
export class RevokeRoleInput {
  @Field(() => ID)
  @IsUUID('4', TERRITORY)
  territoryId!: string;

  @Field(() => ID)
  @IsUUID('4', { message: "L'identifiant de l'utilisateur n'est pas valide." })
  userId!: string;

  @Field(() => Role)
  @IsEnum(Role, { message: "Le rôle n'est pas reconnu." })
  role!: Role;
}

@InputType()
export class MembershipTargetInput {
  @Field(() => ID)
  @IsUUID('4', TERRITORY)
  territoryId!: string;

  @Field(() => ID)
  @IsUUID('4', { message: "L'identifiant de l'utilisateur n'est pas valide." })
  userId!: string;
}

import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Trimmed } from '@relais/graphql';
import { DataCategory } from '@relais/access';
import { OrganisationKind } from '@relais/identity';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import {
  ConsentMethod,
  ConsentPurpose,
  ConsentStatus,
  DerogationGround,
  DerogationStatus,
  InformationItem,
} from '../domain/consent.enums';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Écrivez la date au format AAAA-MM-JJ.';

@InputType({ description: 'Le consentement de la personne, tel qu’il a été recueilli.' })
export class ConsentInput {
  @Field(() => ConsentStatus, { description: 'GIVEN ou REFUSED (le retrait se fait à part).' })
  @IsIn([ConsentStatus.GIVEN, ConsentStatus.REFUSED], {
    message: 'Indiquez si la personne a donné ou refusé son accord.',
  })
  status!: ConsentStatus;

  @Field(() => ConsentMethod)
  @IsEnum(ConsentMethod, { message: 'La manière de recueillir le consentement est inconnue.' })
  method!: ConsentMethod;

  @Field(() => String, { nullable: true, description: 'Qualité du témoin, ou représentant légal.' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'Le témoin ou représentant doit être un texte.' })
  @Length(2, 200, { message: 'Le témoin ou représentant doit contenir entre 2 et 200 caractères.' })
  witnessOrRepresentative?: string | null;

  @Field({ description: 'Date du recueil (AAAA-MM-JJ).' })
  @Matches(DATE, { message: DATE_MESSAGE })
  collectedOn!: string;

  @Field(() => String, { nullable: true, description: 'Échéance ; par défaut, la durée du territoire.' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  expiresOn?: string | null;

  @Field(() => [InformationItem], { description: 'L’information donnée à la personne.' })
  @IsArray({ message: 'Cochez l’information donnée à la personne.' })
  @IsEnum(InformationItem, { each: true, message: 'Un élément d’information est inconnu.' })
  informationGiven!: InformationItem[];

  @Field({ description: 'La personne souhaite assister à l’examen de sa situation.' })
  @IsBoolean({ message: 'Indiquez si la personne souhaite être présente.' })
  wishesToAttend!: boolean;

  @Field(() => [ConsentPurpose])
  @IsArray({ message: 'Choisissez les finalités.' })
  @IsEnum(ConsentPurpose, { each: true, message: 'Une finalité est inconnue.' })
  purposes!: ConsentPurpose[];

  @Field(() => [ID], { description: 'Partenaires nommés.' })
  @IsArray({ message: 'Listez les partenaires nommés.' })
  @ArrayMaxSize(50, { message: 'Au plus 50 partenaires.' })
  @IsUUID('4', { each: true, message: "L'identifiant d'un partenaire n'est pas valide." })
  organisationIds!: string[];

  @Field(() => [OrganisationKind], { description: 'Types de partenaires nommés (« tout CMP du secteur »).' })
  @IsArray({ message: 'Listez les types de partenaires.' })
  @IsEnum(OrganisationKind, { each: true, message: 'Un type de partenaire est inconnu.' })
  organisationKinds!: OrganisationKind[];

  @Field({ description: 'La personne accepte que la cellule examine sa situation.' })
  @IsBoolean({ message: 'Indiquez si la cellule est nommée.' })
  includesCell!: boolean;

  @Field(() => [DataCategory])
  @IsArray({ message: "Choisissez les catégories d'information." })
  @IsEnum(DataCategory, { each: true, message: "Une catégorie d'information est inconnue." })
  dataCategories!: DataCategory[];
}

@InputType({ description: 'Demande de dérogation au consentement.' })
export class DerogationInput {
  @Field(() => DerogationGround)
  @IsEnum(DerogationGround, { message: 'Le fondement légal est inconnu.' })
  ground!: DerogationGround;

  @Field({
    description: 'Pourquoi le consentement ne peut pas être recueilli et pourquoi partager est nécessaire.',
  })
  @Trimmed()
  @IsString({ message: 'La justification est obligatoire.' })
  @Length(30, 2000, { message: 'La justification doit contenir entre 30 et 2 000 caractères.' })
  justification!: string;

  @Field(() => [ID], { description: 'Partenaires qui recevront l’information.' })
  @IsArray({ message: 'Listez les partenaires.' })
  @ArrayMaxSize(20, { message: 'Au plus 20 partenaires.' })
  @IsUUID('4', { each: true, message: "L'identifiant d'un partenaire n'est pas valide." })
  organisationIds!: string[];

  @Field(() => [DataCategory])
  @IsArray({ message: "Choisissez les catégories d'information." })
  @IsEnum(DataCategory, { each: true, message: "Une catégorie d'information est inconnue." })
  dataCategories!: DataCategory[];

  @Field(() => String, {
    nullable: true,
    description: 'Date à laquelle informer la personne ; par défaut dans 15 jours.',
  })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  informPersonBy?: string | null;
}

@ObjectType('Consent', { description: 'Un consentement recueilli (ou un refus).' })
export class ConsentObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  personId!: string;

  @Field(() => ID, { nullable: true })
  referralId!: string | null;

  @Field(() => ConsentStatus)
  status!: ConsentStatus;

  @Field({ description: 'En vigueur : donné, ni remplacé, ni retiré, ni échu.' })
  inForce!: boolean;

  @Field(() => ConsentMethod)
  method!: ConsentMethod;

  @Field(() => String, { nullable: true })
  witnessOrRepresentative!: string | null;

  @Field(() => ID)
  collectedByUserId!: string;

  @Field(() => ID)
  collectedByOrganisationId!: string;

  @Field()
  collectedOn!: string;

  @Field()
  expiresOn!: string;

  @Field(() => [InformationItem])
  informationGiven!: InformationItem[];

  @Field()
  wishesToAttend!: boolean;

  @Field(() => [ConsentPurpose])
  purposes!: ConsentPurpose[];

  @Field(() => [ID])
  organisationIds!: string[];

  @Field(() => [OrganisationKind])
  organisationKinds!: OrganisationKind[];

  @Field()
  includesCell!: boolean;

  @Field(() => [DataCategory])
  dataCategories!: DataCategory[];

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;
}

@ObjectType('Derogation', { description: 'Une dérogation au consentement.' })
export class DerogationObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  personId!: string;

  @Field(() => ID, { nullable: true })
  referralId!: string | null;

  @Field(() => DerogationGround)
  ground!: DerogationGround;

  @Field()
  groundLabel!: string;

  @Field()
  justification!: string;

  @Field(() => [ID])
  organisationIds!: string[];

  @Field(() => [DataCategory])
  dataCategories!: DataCategory[];

  @Field(() => DerogationStatus)
  status!: DerogationStatus;

  @Field(() => ID)
  requestedByUserId!: string;

  @Field()
  requestedAt!: Date;

  @Field(() => ID, { nullable: true })
  decidedByUserId!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field()
  informPersonBy!: string;
}

import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { fromToday, LocalDate, MultilineText } from '@relais/graphql';
import { Categorized, DataCategory } from '@relais/access';
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
} from 'class-validator';
import {
  ConsentMethod,
  ConsentPurpose,
  ConsentStatus,
  DerogationGround,
  DerogationStatus,
  InformationItem,
} from '../domain/consent.enums';

@InputType({ description: 'Le consentement de la personne, tel qu’il a été recueilli.' })
export class ConsentInput {
  @Field(() => ConsentStatus, { description: 'GIVEN ou REFUSED (le retrait se fait à part).' })
  @IsIn([ConsentStatus.GIVEN, ConsentStatus.REFUSED], {
    message: 'Indiquez si la personne a donné ou refusé son accord.',
  })
  status!: ConsentStatus;

  @Field(() => ConsentMethod, {
    description: 'Comment l’accord a été recueilli ; hors écrit, renseignez witnessOrRepresentative.',
  })
  @IsEnum(ConsentMethod, { message: 'La manière de recueillir le consentement est inconnue.' })
  method!: ConsentMethod;

  @Field(() => String, { nullable: true, description: 'Qualité du témoin, ou représentant légal.' })
  @IsOptional()
  @IsString({ message: 'Le témoin ou représentant doit être un texte.' })
  @Length(2, 200, { message: 'Le témoin ou représentant doit contenir entre 2 et 200 caractères.' })
  witnessOrRepresentative?: string | null;

  @Field({ description: 'Date du recueil (AAAA-MM-JJ), au plus tôt il y a 5 ans, au plus tard aujourd’hui.' })
  @LocalDate({ earliest: fromToday({ years: -5 }), latest: fromToday() })
  collectedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Échéance (AAAA-MM-JJ, dans les 5 ans) ; par défaut, la durée du territoire.',
  })
  @IsOptional()
  @LocalDate({ earliest: fromToday(), latest: fromToday({ years: 5 }) })
  expiresOn?: string | null;

  @Field(() => [InformationItem], { description: 'L’information donnée à la personne.' })
  @IsArray({ message: 'Cochez l’information donnée à la personne.' })
  @IsEnum(InformationItem, { each: true, message: 'Un élément d’information est inconnu.' })
  informationGiven!: InformationItem[];

  @Field({ description: 'La personne souhaite assister à l’examen de sa situation.' })
  @IsBoolean({ message: 'Indiquez si la personne souhaite être présente.' })
  wishesToAttend!: boolean;

  @Field(() => [ConsentPurpose], {
    description:
      'Finalités couvertes : au moins une si l’accord est donné, sans dépasser ce que demande la saisine.',
  })
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

  @Field(() => [DataCategory], {
    description: 'Catégories d’information partagées : au moins une si l’accord est donné.',
  })
  @IsArray({ message: "Choisissez les catégories d'information." })
  @IsEnum(DataCategory, { each: true, message: "Une catégorie d'information est inconnue." })
  dataCategories!: DataCategory[];
}

@InputType({ description: 'Demande de dérogation au consentement.' })
export class DerogationInput {
  @Field(() => DerogationGround, { description: 'Le fondement légal.' })
  @IsEnum(DerogationGround, { message: 'Le fondement légal est inconnu.' })
  ground!: DerogationGround;

  @Field({
    description: 'Pourquoi le consentement ne peut pas être recueilli et pourquoi partager est nécessaire.',
  })
  @MultilineText()
  @IsString({ message: 'La justification est obligatoire.' })
  @Length(30, 2000, { message: 'La justification doit contenir entre 30 et 2 000 caractères.' })
  justification!: string;

  @Field(() => [ID], { description: 'Partenaires qui recevront l’information.' })
  @IsArray({ message: 'Listez les partenaires.' })
  @ArrayMaxSize(20, { message: 'Au plus 20 partenaires.' })
  @IsUUID('4', { each: true, message: "L'identifiant d'un partenaire n'est pas valide." })
  organisationIds!: string[];

  @Field(() => [DataCategory], { description: 'Catégories d’information partagées (au moins une).' })
  @IsArray({ message: "Choisissez les catégories d'information." })
  @IsEnum(DataCategory, { each: true, message: "Une catégorie d'information est inconnue." })
  dataCategories!: DataCategory[];

  @Field(() => String, {
    nullable: true,
    description:
      'Date à laquelle informer la personne (AAAA-MM-JJ, dans l’année) ; par défaut dans 15 jours.',
  })
  @IsOptional()
  @LocalDate({ earliest: fromToday(), latest: fromToday({ years: 1 }) })
  informPersonBy?: string | null;
}

const L = DataCategory.LOGISTIC;

@ObjectType('Consent', {
  description:
    'Un consentement recueilli (ou un refus), lu par la coordination et l’organisation qui l’a recueilli.',
})
export class ConsentObject {
  @Field(() => ID, { description: 'Identifiant du consentement.' })
  @Categorized(L)
  id!: string;

  @Field(() => ID, { description: 'La personne concernée.' })
  @Categorized(L)
  personId!: string;

  @Field(() => ID, { nullable: true, description: 'La saisine pour laquelle il a été recueilli.' })
  @Categorized(L)
  referralId!: string | null;

  @Field(() => ConsentStatus, { description: 'Donné, refusé ou retiré.' })
  @Categorized(L)
  status!: ConsentStatus;

  @Field({ description: 'En vigueur : donné, ni remplacé, ni retiré, ni échu.' })
  @Categorized(L)
  inForce!: boolean;

  @Field(() => ConsentMethod, { description: 'Écrit, oral devant témoin ou par le représentant légal.' })
  @Categorized(L)
  method!: ConsentMethod;

  @Field(() => String, {
    nullable: true,
    description: 'Qualité du témoin, ou représentant légal (révèle une mesure de protection).',
  })
  @Categorized(DataCategory.IDENTITY)
  witnessOrRepresentative!: string | null;

  @Field(() => ID, { description: 'Qui l’a recueilli.' })
  @Categorized(L)
  collectedByUserId!: string;

  @Field(() => ID, { description: 'L’organisation qui l’a recueilli.' })
  @Categorized(L)
  collectedByOrganisationId!: string;

  @Field({ description: 'Date du recueil (AAAA-MM-JJ).' })
  @Categorized(L)
  collectedOn!: string;

  @Field({ description: 'Dernier jour de validité (AAAA-MM-JJ).' })
  @Categorized(L)
  expiresOn!: string;

  @Field(() => [InformationItem], { description: 'L’information donnée à la personne.' })
  @Categorized(L)
  informationGiven!: InformationItem[];

  @Field({ description: 'La personne souhaite assister à l’examen de sa situation.' })
  @Categorized(L)
  wishesToAttend!: boolean;

  @Field(() => [ConsentPurpose], { description: 'Finalités couvertes.' })
  @Categorized(L)
  purposes!: ConsentPurpose[];

  @Field(() => [ID], { description: 'Partenaires nommés.' })
  @Categorized(L)
  organisationIds!: string[];

  @Field(() => [OrganisationKind], { description: 'Types de partenaires nommés.' })
  @Categorized(L)
  organisationKinds!: OrganisationKind[];

  @Field({ description: 'La personne accepte que la cellule examine sa situation.' })
  @Categorized(L)
  includesCell!: boolean;

  @Field(() => [DataCategory], { description: 'Catégories d’information couvertes.' })
  @Categorized(L)
  dataCategories!: DataCategory[];

  @Field(() => Date, { nullable: true, description: 'Date du retrait, s’il y en a eu un.' })
  @Categorized(L)
  withdrawnAt!: Date | null;

  @Field(() => [String], { description: 'Les champs masqués pour vous.' })
  redactedFields!: string[];
}

@ObjectType('Derogation', {
  description:
    'Une dérogation au consentement, lue par la coordination, son auteur·rice et les professionnel·les de santé ou du social en lien avec la personne.',
})
export class DerogationObject {
  @Field(() => ID, { description: 'Identifiant de la dérogation.' })
  @Categorized(L)
  id!: string;

  @Field(() => ID, { description: 'La personne concernée.' })
  @Categorized(L)
  personId!: string;

  @Field(() => ID, { nullable: true, description: 'La saisine à laquelle elle se rattache.' })
  @Categorized(L)
  referralId!: string | null;

  @Field(() => DerogationGround, { description: 'Le fondement légal.' })
  @Categorized(L)
  ground!: DerogationGround;

  @Field({ description: 'Le fondement légal, en clair.' })
  @Categorized(L)
  groundLabel!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Pourquoi le consentement ne peut être recueilli et pourquoi partager est nécessaire.',
  })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  justification!: string | null;

  @Field(() => [ID], { description: 'Partenaires qui recevront l’information.' })
  @Categorized(L)
  organisationIds!: string[];

  @Field(() => [DataCategory], { description: 'Catégories d’information partagées.' })
  @Categorized(L)
  dataCategories!: DataCategory[];

  @Field(() => DerogationStatus, { description: 'En attente, validée ou refusée.' })
  @Categorized(L)
  status!: DerogationStatus;

  @Field(() => ID, { description: 'Qui l’a demandée.' })
  @Categorized(L)
  requestedByUserId!: string;

  @Field({ description: 'Date de la demande.' })
  @Categorized(L)
  requestedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Qui l’a validée ou refusée.' })
  @Categorized(L)
  decidedByUserId!: string | null;

  @Field(() => Date, { nullable: true, description: 'Date de la décision.' })
  @Categorized(L)
  decidedAt!: Date | null;

  @Field({ description: 'Date à laquelle informer la personne (AAAA-MM-JJ).' })
  @Categorized(L)
  informPersonBy!: string;

  @Field(() => [String], { description: 'Les champs masqués pour vous.' })
  redactedFields!: string[];
}

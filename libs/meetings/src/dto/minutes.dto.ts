import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { fromToday, INVALID_ID_MESSAGE, LocalDate, MultilineText } from '@relais/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { ActionObject } from '@relais/situations';
import { Type } from 'class-transformer';
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
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AgendaItemKind, AttendanceStatus, PersonAnswer } from '../domain/meeting.enums';

@InputType({ description: "La présence d'une personne à la séance." })
export class AttendanceEntryInput {
  @Field(() => ID, { description: 'La personne (membre du territoire).' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  userId!: string;

  @Field(() => AttendanceStatus, { description: 'Présent·e, excusé·e ou représenté·e.' })
  @IsEnum(AttendanceStatus, { message: 'La présence est inconnue.' })
  status!: AttendanceStatus;

  @Field(() => ID, { nullable: true, description: 'Le ou la suppléant·e, pour REPRESENTED.' })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  representedByUserId?: string | null;
}

@InputType({
  description: 'Les présences à une séance ; chaque personne listée remplace sa présence déjà saisie.',
})
export class RecordAttendanceInput {
  @Field(() => ID, {
    description: 'La séance : ordre du jour publié, compte rendu pas encore publié.',
  })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  meetingId!: string;

  @Field(() => [AttendanceEntryInput], { description: 'Une présence par personne (200 au plus).' })
  @IsArray({ message: 'Listez les présences.' })
  @ArrayMaxSize(200, { message: 'Au plus 200 présences.' })
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryInput)
  entries!: AttendanceEntryInput[];
}

@InputType({ description: 'Une action décidée : qui fait quoi pour quand.' })
export class NewActionInput {
  @Field({ description: 'Ce qu’il faut faire (3 à 500 caractères).' })
  @MultilineText()
  @IsString({ message: "La description de l'action est obligatoire." })
  @Length(3, 500, { message: "L'action doit contenir entre 3 et 500 caractères." })
  description!: string;

  @Field(() => ID, { description: 'Le partenaire du territoire à qui l’action est confiée.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  ownerOrganisationId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'La personne qui s’en charge chez ce partenaire ; null : le partenaire, sans nom.',
  })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  ownerUserId?: string | null;

  @Field({ description: 'Échéance (AAAA-MM-JJ), dans les 5 ans.' })
  @LocalDate({ earliest: fromToday({ years: -1 }), latest: fromToday({ years: 5 }) })
  dueOn!: string;
}

@InputType({ description: 'Une décision de la cellule sur le point, avec ses actions.' })
export class DecisionInput {
  @Field({ description: 'Ce que la cellule a décidé (3 à 1 000 caractères).' })
  @MultilineText()
  @IsString({ message: 'La décision est obligatoire.' })
  @Length(3, 1000, { message: 'La décision doit contenir entre 3 et 1 000 caractères.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Pourquoi (1 000 caractères au plus).' })
  @IsOptional()
  @MultilineText()
  @MaxLength(1000, { message: 'Au plus 1 000 caractères.' })
  rationale?: string | null;

  @Field(() => [NewActionInput], { description: 'Les actions qui en découlent (20 au plus).' })
  @IsArray({ message: 'Listez les actions.' })
  @ArrayMaxSize(20, { message: 'Au plus 20 actions par décision.' })
  @ValidateNested({ each: true })
  @Type(() => NewActionInput)
  actions!: NewActionInput[];
}

@InputType({ description: "L'examen d'un point : qui était là, ce qui a été dit et décidé." })
export class RecordItemInput {
  @Field(() => ID, { description: 'Le point examiné ; il ne s’enregistre qu’une fois.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  itemId!: string;

  @Field(() => [ID], { description: 'Qui était dans la salle pendant ce point (journal de divulgation).' })
  @IsArray({ message: 'Listez les personnes présentes pendant ce point.' })
  @ArrayMaxSize(100, { message: 'Au plus 100 personnes.' })
  @IsUUID('4', { each: true, message: INVALID_ID_MESSAGE })
  presentUserIds!: string[];

  @Field({ description: 'La personne était présente.' })
  @IsBoolean({ message: 'Indiquez si la personne était présente.' })
  personAttended!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Synthèse des échanges (social confidentiel par défaut).',
  })
  @IsOptional()
  @MultilineText()
  @MaxLength(4000, { message: 'Au plus 4 000 caractères : ne gardez que le strictement nécessaire.' })
  summary?: string | null;

  @Field(() => [DecisionInput], { description: 'Les décisions prises sur ce point (20 au plus).' })
  @IsArray({ message: 'Listez les décisions.' })
  @ArrayMaxSize(20, { message: 'Au plus 20 décisions.' })
  @ValidateNested({ each: true })
  @Type(() => DecisionInput)
  decisions!: DecisionInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Prochain réexamen (AAAA-MM-JJ, dans les 5 ans) ; par défaut selon le territoire (3 mois).',
  })
  @IsOptional()
  @LocalDate({ earliest: fromToday({ years: -1 }), latest: fromToday({ years: 5 }) })
  nextReviewOn?: string | null;
}

@InputType({
  description:
    'Une note réservée sur un point, par la coordination ou qui était dans la salle pendant ce point.',
})
export class RestrictedNoteInput {
  @Field(() => ID, { description: 'Le point concerné.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  itemId!: string;

  @Field(() => DataCategory, {
    description: 'SOCIAL_CONFIDENTIAL, ou HEALTH_SECRET (professionnels de santé).',
  })
  @IsIn([DataCategory.SOCIAL_CONFIDENTIAL, DataCategory.HEALTH_SECRET], {
    message: 'Une note réservée est sociale confidentielle ou couverte par le secret médical.',
  })
  category!: DataCategory;

  @Field({ description: 'Le texte de la note (3 à 2 000 caractères).' })
  @MultilineText()
  @IsString({ message: 'La note est obligatoire.' })
  @Length(3, 2000, { message: 'La note doit contenir entre 3 et 2 000 caractères.' })
  text!: string;
}

@InputType({
  description: 'La réponse de la personne aux propositions de la cellule, une fois le point examiné.',
})
export class PersonAnswerInput {
  @Field(() => ID, { description: 'Le point examiné.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  itemId!: string;

  @Field({
    description: 'Date à laquelle la personne a été informée des propositions (AAAA-MM-JJ, passée).',
  })
  @LocalDate({
    earliest: fromToday({ years: -5 }),
    latest: fromToday(),
    message: 'La date doit être passée ou aujourd’hui, et dater de moins de 5 ans.',
  })
  informedOn!: string;

  @Field(() => PersonAnswer, { description: 'Sa réponse.' })
  @IsEnum(PersonAnswer, { message: 'La réponse est inconnue.' })
  answer!: PersonAnswer;
}

@ObjectType('Attendance', { description: "La présence d'une personne à la séance." })
export class AttendanceObject {
  @Field(() => ID, { description: 'La personne.' })
  userId!: string;

  @Field(() => ID, { description: 'Son organisation.' })
  organisationId!: string;

  @Field(() => AttendanceStatus, { description: 'Présent·e, excusé·e ou représenté·e.' })
  status!: AttendanceStatus;

  @Field(() => ID, {
    nullable: true,
    description: 'Le ou la suppléant·e présent·e ; null sauf pour REPRESENTED.',
  })
  representedByUserId!: string | null;
}

const { LOGISTIC, SOCIAL_CONFIDENTIAL } = DataCategory;

@ObjectType('RestrictedNote', {
  description: 'Une note réservée, lue seulement par qui sa catégorie le permet.',
})
export class RestrictedNoteObject {
  @Field(() => ID, { description: 'Identifiant de la note.' })
  @Categorized(LOGISTIC)
  id!: string;

  @Field(() => DataCategory, {
    description: 'Catégorie de la note : sociale confidentielle ou secret médical.',
  })
  @Categorized(LOGISTIC)
  category!: DataCategory;

  // Social-confidential at least; the gate adds the note's own category (health secret).
  @Field(() => String, { nullable: true, description: 'Le texte de la note.' })
  @Categorized(SOCIAL_CONFIDENTIAL)
  text!: string | null;

  @Field(() => [String], { description: 'Champs masqués pour vous.' })
  redactedFields!: string[];
}

@ObjectType('Decision', { description: 'Une décision de la cellule sur une situation.' })
export class DecisionObject {
  @Field(() => ID, { description: 'Identifiant de la décision.' })
  @Categorized(LOGISTIC)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Ce que la cellule a décidé.' })
  @Categorized(SOCIAL_CONFIDENTIAL)
  text!: string | null;

  @Field(() => String, { nullable: true, description: 'Pourquoi.' })
  @Categorized(SOCIAL_CONFIDENTIAL)
  rationale!: string | null;

  @Field(() => [String], { description: 'Champs masqués pour vous.' })
  redactedFields!: string[];
}

@ObjectType('MinutesItem', { description: 'Un point du compte rendu, tel que vous pouvez le lire.' })
export class MinutesItemObject {
  @Field(() => ID, { description: 'Le point de l’ordre du jour.' })
  @Categorized(LOGISTIC)
  itemId!: string;

  @Field(() => Int, { description: 'Rang du point dans la séance.' })
  @Categorized(LOGISTIC)
  position!: number;

  @Field({ description: 'Code de la situation, sans identité.' })
  @Categorized(LOGISTIC)
  caseCode!: string;

  @Field(() => AgendaItemKind, { description: 'Nouvelle situation, point de suivi ou réexamen.' })
  @Categorized(LOGISTIC)
  kind!: AgendaItemKind;

  @Field({ description: 'Vous étiez dans la salle pour ce point, ou vous coordonnez.' })
  @Categorized(LOGISTIC)
  attended!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'La personne était présente.' })
  @Categorized(LOGISTIC)
  personAttended!: boolean | null;

  // Social-confidential at least; the gate adds the category the item's summary is filed under.
  @Field(() => String, {
    nullable: true,
    description: 'Synthèse des échanges (sociale confidentielle, sauf classement différent).',
  })
  @Categorized(SOCIAL_CONFIDENTIAL)
  summary!: string | null;

  @Field(() => [DecisionObject], { nullable: true, description: 'Les décisions et leurs motifs.' })
  @Categorized(SOCIAL_CONFIDENTIAL)
  decisions!: DecisionObject[] | null;

  @Field(() => [ActionObject], {
    description:
      'Les actions décidées : toutes si vous lisez les décisions, sinon celles confiées à votre organisation.',
  })
  @Categorized(LOGISTIC)
  actions!: ActionObject[];

  @Field(() => [RestrictedNoteObject], {
    nullable: true,
    description: 'Les notes réservées que vous pouvez lire (celles que vous ne pouvez pas lire sont omises).',
  })
  @Categorized(SOCIAL_CONFIDENTIAL)
  restrictedNotes!: RestrictedNoteObject[] | null;

  @Field(() => String, { nullable: true, description: 'Prochain réexamen (AAAA-MM-JJ).' })
  @Categorized(LOGISTIC)
  nextReviewOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Date à laquelle la personne a été informée des propositions (AAAA-MM-JJ) ; null : pas encore.',
  })
  @Categorized(SOCIAL_CONFIDENTIAL)
  personInformedOn!: string | null;

  @Field(() => PersonAnswer, {
    nullable: true,
    description: 'La réponse de la personne aux propositions ; null : pas encore recueillie.',
  })
  @Categorized(SOCIAL_CONFIDENTIAL)
  personAnswer!: PersonAnswer | null;

  @Field(() => [String], { description: 'Champs masqués pour vous.' })
  redactedFields!: string[];
}

@ObjectType('Minutes', { description: 'Le compte rendu d’une séance, filtré pour vous.' })
export class MinutesObject {
  @Field(() => ID, { description: 'La séance.' })
  meetingId!: string;

  @Field({ description: 'Publié ; sinon brouillon, lu par la coordination seule.' })
  published!: boolean;

  @Field(() => [AttendanceObject], { description: 'Les présences à la séance.' })
  attendance!: AttendanceObject[];

  @Field(() => [MinutesItemObject], { description: 'Les points que vous pouvez lire, dans leur ordre.' })
  items!: MinutesItemObject[];
}

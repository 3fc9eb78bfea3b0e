import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { fromToday, INVALID_ID_MESSAGE, LocalDate, MultilineText } from '@relais/graphql';
import { CmpFollowUpStatus, EvictionProcedureState, RightOpened } from '@relais/situations';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ActType,
  FollowUpKind,
  NoteVisibility,
  ObjectiveStatus,
  RequesterKind,
  TeamRole,
} from '../domain/follow-up.enums';

@InputType({ description: "Un rôle de l'équipe et qui le tient." })
export class TeamAssignmentInput {
  @Field(() => TeamRole, { description: "Le rôle dans l'équipe." })
  @IsEnum(TeamRole, { message: 'Le rôle est inconnu.' })
  role!: TeamRole;

  @Field(() => ID, { description: 'Le professionnel qui le tient.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  userId!: string;
}

@InputType({ description: 'Un accompagnement à confier.' })
export class StartFollowUpInput {
  @Field(() => ID, { description: 'La situation à accompagner.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  situationId!: string;

  @Field(() => FollowUpKind, { description: "Le type d'accompagnement." })
  @IsEnum(FollowUpKind, { message: "Le type d'accompagnement est inconnu." })
  kind!: FollowUpKind;

  @Field(() => RequesterKind, { description: "Qui demande l'accompagnement." })
  @IsEnum(RequesterKind, { message: 'Le demandeur est inconnu.' })
  requesterKind!: RequesterKind;

  @Field(() => ID, { nullable: true, description: "La saisine qui l'a demandé, le cas échéant." })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  requestedByReferralId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "La décision de la cellule qui l'a demandé, le cas échéant.",
  })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  requestedByDecisionId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Début (AAAA-MM-JJ, à un an près d'aujourd'hui ; aujourd'hui par défaut).",
  })
  @IsOptional()
  @LocalDate({ earliest: fromToday({ years: -1 }), latest: fromToday({ years: 1 }) })
  startedOn?: string | null;

  @Field(() => [String], { description: 'Les objectifs de départ.' })
  @IsArray({ message: 'Listez les objectifs.' })
  @ArrayMaxSize(10, { message: 'Au plus 10 objectifs.' })
  @Length(3, 300, { each: true, message: 'Chaque objectif doit contenir entre 3 et 300 caractères.' })
  objectives!: string[];

  @Field(() => [TeamAssignmentInput], { description: "L'équipe de départ, un rôle chacun." })
  @IsArray({ message: "Composez l'équipe." })
  @ArrayMaxSize(6, { message: 'Au plus 6 affectations.' })
  @ValidateNested({ each: true })
  @Type(() => TeamAssignmentInput)
  team!: TeamAssignmentInput[];
}

@InputType({ description: 'Un remplacement pendant une absence, ou une nouvelle affectation.' })
export class AssignTeamMemberInput {
  @Field(() => ID, { description: "L'accompagnement." })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  followUpId!: string;

  @Field(() => TeamRole, { description: 'Le rôle à tenir.' })
  @IsEnum(TeamRole, { message: 'Le rôle est inconnu.' })
  role!: TeamRole;

  @Field(() => ID, { description: 'Le professionnel qui le tiendra.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  userId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Début du remplacement (AAAA-MM-JJ) ; vide pour une affectation.',
  })
  @IsOptional()
  @LocalDate({ earliest: fromToday({ years: -1 }), latest: fromToday({ years: 5 }) })
  fromOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Fin du remplacement (AAAA-MM-JJ) ; vide pour une affectation.',
  })
  @IsOptional()
  @LocalDate({ earliest: fromToday({ years: -1 }), latest: fromToday({ years: 5 }) })
  untilOn?: string | null;
}

@InputType({ description: "Un acte de l'équipe." })
export class RecordActInput {
  @Field(() => ID, { description: "L'accompagnement." })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  followUpId!: string;

  @Field({ description: "Le jour de l'acte (AAAA-MM-JJ), passé (5 ans au plus) ou aujourd'hui." })
  @LocalDate({
    earliest: fromToday({ years: -5 }),
    latest: fromToday(),
    message: "La date de l'acte doit être passée ou aujourd'hui, et dater de moins de 5 ans.",
  })
  occurredOn!: string;

  @Field(() => ActType, { description: "Le type d'acte." })
  @IsEnum(ActType, { message: "Le type d'acte est inconnu." })
  type!: ActType;

  @Field(() => Int, { description: 'La durée, en minutes.' })
  @IsInt({ message: 'La durée est un nombre de minutes.' })
  @Min(1, { message: 'Au moins une minute.' })
  @Max(600, { message: 'Au plus 10 heures.' })
  durationMinutes!: number;

  @Field(() => [ID], { description: 'Les professionnels présents.' })
  @IsArray({ message: 'Listez les professionnels présents.' })
  @ArrayMaxSize(10, { message: 'Au plus 10 professionnels.' })
  @IsUUID('4', { each: true, message: INVALID_ID_MESSAGE })
  presentUserIds!: string[];

  @Field(() => String, { nullable: true, description: 'La note, au strict nécessaire.' })
  @IsOptional()
  @MultilineText()
  @MaxLength(3000, { message: 'Au plus 3 000 caractères : ne gardez que le strictement nécessaire.' })
  note?: string | null;

  @Field(() => NoteVisibility, {
    description: "À qui la note est destinée : l'équipe, ou les seuls professionnels de santé.",
  })
  @IsEnum(NoteVisibility, { message: 'La visibilité de la note est inconnue.' })
  noteVisibility!: NoteVisibility;
}

@InputType({ description: 'Un passage de relais à proposer.' })
export class ProposeHandoffInput {
  @Field(() => ID, { description: 'La situation relayée.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  situationId!: string;

  @Field(() => ID, { nullable: true, description: "L'accompagnement qui passe le relais, le cas échéant." })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  followUpId?: string | null;

  @Field(() => ID, { description: "L'organisation qui reçoit, nommée par le consentement pour les relais." })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  receivingOrganisationId!: string;

  @Field(() => String, { nullable: true, description: "Le référent dans l'organisation qui reçoit." })
  @IsOptional()
  @Length(2, 200, { message: 'Le référent doit contenir entre 2 et 200 caractères.' })
  referentName?: string | null;

  @Field(() => CmpFollowUpStatus, { description: 'Le suivi au CMP (secret médical).' })
  @IsEnum(CmpFollowUpStatus, { message: 'Le suivi CMP est inconnu.' })
  cmpFollowUpStatus!: CmpFollowUpStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Le premier rendez-vous au CMP (AAAA-MM-JJ, secret médical).',
  })
  @IsOptional()
  @LocalDate({ earliest: fromToday({ years: -1 }), latest: fromToday({ years: 5 }) })
  firstAppointmentOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Le référent social de la personne.' })
  @IsOptional()
  @Length(2, 200, { message: 'Le référent social doit contenir entre 2 et 200 caractères.' })
  socialReferent?: string | null;

  @Field(() => EvictionProcedureState, { description: "L'état de la procédure d'expulsion." })
  @IsEnum(EvictionProcedureState, { message: "L'état de la procédure est inconnu." })
  evictionProcedureState!: EvictionProcedureState;

  @Field(() => [RightOpened], { description: 'Les droits ouverts.' })
  @IsArray({ message: 'Cochez les droits ouverts.' })
  @IsEnum(RightOpened, { each: true, message: 'Un droit est inconnu.' })
  rightsOpened!: RightOpened[];

  @Field(() => String, { nullable: true, description: 'Les risques qui demeurent.' })
  @IsOptional()
  @MultilineText()
  @MaxLength(2000, { message: 'Au plus 2 000 caractères.' })
  residualRisks?: string | null;

  @Field(() => String, { nullable: true, description: 'Les contacts utiles.' })
  @IsOptional()
  @MultilineText()
  @MaxLength(1000, { message: 'Au plus 1 000 caractères.' })
  contacts?: string | null;

  @Field({ description: 'La personne est d’accord avec ce relais.' })
  @IsBoolean({ message: "Indiquez l'accord de la personne." })
  personAgreed!: boolean;
}

@InputType({ description: 'La réponse à un relais proposé.' })
export class AnswerHandoffInput {
  @Field(() => ID, { description: 'Le relais proposé à votre organisation.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  handoffId!: string;

  @Field({ description: 'Vrai pour accepter, faux pour décliner.' })
  @IsBoolean({ message: 'Indiquez si vous acceptez le relais.' })
  accept!: boolean;

  @Field(() => String, { nullable: true, description: 'Obligatoire pour décliner.' })
  @IsOptional()
  @MultilineText()
  @IsString({ message: 'Le motif doit être un texte.' })
  @Length(5, 1000, { message: 'Le motif doit contenir entre 5 et 1 000 caractères.' })
  reason?: string | null;
}

@InputType({ description: "Le nouvel état d'un objectif." })
export class ObjectiveStatusInput {
  @Field(() => ID, { description: "L'objectif." })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  objectiveId!: string;

  @Field(() => ObjectiveStatus, { description: 'Son nouvel état.' })
  @IsEnum(ObjectiveStatus, { message: "L'état de l'objectif est inconnu." })
  status!: ObjectiveStatus;
}

@ArgsType()
export class RenewFollowUpArgs {
  @Field(() => ID, { description: "L'accompagnement à renouveler." })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  followUpId!: string;

  @Field({ description: 'Pourquoi le renouveler (sans donnée de santé).' })
  @MultilineText()
  @IsString({ message: 'Le motif est obligatoire.' })
  @Length(3, 1000, { message: 'Le motif doit contenir entre 3 et 1 000 caractères.' })
  reason!: string;
}

@ArgsType()
export class EndFollowUpArgs {
  @Field(() => ID, { description: "L'accompagnement à terminer." })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  followUpId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Obligatoire quand un relais attend encore sa réponse.',
  })
  @IsOptional()
  @MultilineText()
  @IsString({ message: 'Le motif doit être un texte.' })
  @MaxLength(1000, { message: 'Au plus 1 000 caractères.' })
  reason?: string | null;
}

import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { INVALID_ID_MESSAGE, Trimmed, TrimmedEach } from '@relais/graphql';
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
  Matches,
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

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Écrivez la date au format AAAA-MM-JJ.';

@InputType()
export class TeamAssignmentInput {
  @Field(() => TeamRole)
  @IsEnum(TeamRole, { message: 'Le rôle est inconnu.' })
  role!: TeamRole;

  @Field(() => ID)
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  userId!: string;
}

@InputType()
export class StartFollowUpInput {
  @Field(() => ID)
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  situationId!: string;

  @Field(() => FollowUpKind)
  @IsEnum(FollowUpKind, { message: "Le type d'accompagnement est inconnu." })
  kind!: FollowUpKind;

  @Field(() => RequesterKind)
  @IsEnum(RequesterKind, { message: 'Le demandeur est inconnu.' })
  requesterKind!: RequesterKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  requestedByReferralId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  requestedByDecisionId?: string | null;

  @Field(() => String, { nullable: true, description: "Début (aujourd'hui par défaut)." })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  startedOn?: string | null;

  @Field(() => [String], { description: 'Les objectifs de départ.' })
  @TrimmedEach()
  @IsArray({ message: 'Listez les objectifs.' })
  @ArrayMaxSize(10, { message: 'Au plus 10 objectifs.' })
  @Length(3, 300, { each: true, message: 'Chaque objectif doit contenir entre 3 et 300 caractères.' })
  objectives!: string[];

  @Field(() => [TeamAssignmentInput])
  @IsArray({ message: "Composez l'équipe." })
  @ArrayMaxSize(6, { message: 'Au plus 6 affectations.' })
  @ValidateNested({ each: true })
  @Type(() => TeamAssignmentInput)
  team!: TeamAssignmentInput[];
}

@InputType({ description: 'Un remplacement pendant une absence, ou une nouvelle affectation.' })
export class AssignTeamMemberInput {
  @Field(() => ID)
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  followUpId!: string;

  @Field(() => TeamRole)
  @IsEnum(TeamRole, { message: 'Le rôle est inconnu.' })
  role!: TeamRole;

  @Field(() => ID)
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  userId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  fromOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  untilOn?: string | null;
}

@InputType()
export class RecordActInput {
  @Field(() => ID)
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  followUpId!: string;

  @Field()
  @Matches(DATE, { message: DATE_MESSAGE })
  occurredOn!: string;

  @Field(() => ActType)
  @IsEnum(ActType, { message: "Le type d'acte est inconnu." })
  type!: ActType;

  @Field(() => Int)
  @IsInt({ message: 'La durée est un nombre de minutes.' })
  @Min(1, { message: 'Au moins une minute.' })
  @Max(600, { message: 'Au plus 10 heures.' })
  durationMinutes!: number;

  @Field(() => [ID], { description: 'Les professionnels présents.' })
  @IsArray({ message: 'Listez les professionnels présents.' })
  @ArrayMaxSize(10, { message: 'Au plus 10 professionnels.' })
  @IsUUID('4', { each: true, message: INVALID_ID_MESSAGE })
  presentUserIds!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trimmed()
  @MaxLength(3000, { message: 'Au plus 3 000 caractères : ne gardez que le strictement nécessaire.' })
  note?: string | null;

  @Field(() => NoteVisibility)
  @IsEnum(NoteVisibility, { message: 'La visibilité de la note est inconnue.' })
  noteVisibility!: NoteVisibility;
}

@InputType()
export class ProposeHandoffInput {
  @Field(() => ID)
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  situationId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  followUpId?: string | null;

  @Field(() => ID)
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  receivingOrganisationId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trimmed()
  @Length(2, 200, { message: 'Le référent doit contenir entre 2 et 200 caractères.' })
  referentName?: string | null;

  @Field(() => CmpFollowUpStatus)
  @IsEnum(CmpFollowUpStatus, { message: 'Le suivi CMP est inconnu.' })
  cmpFollowUpStatus!: CmpFollowUpStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  firstAppointmentOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trimmed()
  @Length(2, 200, { message: 'Le référent social doit contenir entre 2 et 200 caractères.' })
  socialReferent?: string | null;

  @Field(() => EvictionProcedureState)
  @IsEnum(EvictionProcedureState, { message: "L'état de la procédure est inconnu." })
  evictionProcedureState!: EvictionProcedureState;

  @Field(() => [RightOpened])
  @IsArray({ message: 'Cochez les droits ouverts.' })
  @IsEnum(RightOpened, { each: true, message: 'Un droit est inconnu.' })
  rightsOpened!: RightOpened[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trimmed()
  @MaxLength(2000, { message: 'Au plus 2 000 caractères.' })
  residualRisks?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trimmed()
  @MaxLength(1000, { message: 'Au plus 1 000 caractères.' })
  contacts?: string | null;

  @Field({ description: 'La personne est d’accord avec ce relais.' })
  @IsBoolean({ message: "Indiquez l'accord de la personne." })
  personAgreed!: boolean;
}

@InputType()
export class AnswerHandoffInput {
  @Field(() => ID)
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  handoffId!: string;

  @Field()
  @IsBoolean({ message: 'Indiquez si vous acceptez le relais.' })
  accept!: boolean;

  @Field(() => String, { nullable: true, description: 'Obligatoire pour décliner.' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'Le motif doit être un texte.' })
  @Length(5, 1000, { message: 'Le motif doit contenir entre 5 et 1 000 caractères.' })
  reason?: string | null;
}

@InputType()
export class ObjectiveStatusInput {
  @Field(() => ID)
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  objectiveId!: string;

  @Field(() => ObjectiveStatus)
  @IsEnum(ObjectiveStatus, { message: "L'état de l'objectif est inconnu." })
  status!: ObjectiveStatus;
}

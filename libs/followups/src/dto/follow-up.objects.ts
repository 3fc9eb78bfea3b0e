import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { CmpFollowUpStatus, EvictionProcedureState, HandoffStatus, RightOpened } from '@relais/situations';
import {
  ActType,
  FollowUpKind,
  FollowUpPhase,
  NoteVisibility,
  ObjectiveStatus,
  RequesterKind,
  TeamRole,
  VacancyReason,
} from '../domain/follow-up.enums';

const { LOGISTIC, IDENTITY, HOUSING, SOCIAL_CONFIDENTIAL, HEALTH_SECRET } = DataCategory;
const REDACTED =
  'Les champs masqués pour vous (valeur nulle), selon votre profession et votre lien à la personne.';

@ObjectType('TeamSeat', { description: "Un rôle de l'équipe : qui le tient, ou pourquoi il est vacant." })
export class TeamSeatObject {
  @Field(() => TeamRole, { description: "Le rôle dans l'équipe." })
  @Categorized(LOGISTIC)
  role!: TeamRole;

  @Field(() => ID, { nullable: true, description: 'Le professionnel qui tient le rôle aujourd’hui.' })
  @Categorized(LOGISTIC)
  userId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Son organisation.' })
  @Categorized(LOGISTIC)
  organisationId!: string | null;

  /** A professional's name, not the person's: logistics like the seat itself. */
  @Field(() => String, {
    nullable: true,
    description: 'Le nom du professionnel qui tient le rôle (prénom et nom), le cas échéant.',
  })
  @Categorized(LOGISTIC)
  holderName!: string | null;

  @Field({ description: 'Remplacement en cours.' })
  @Categorized(LOGISTIC)
  replacement!: boolean;

  @Field(() => VacancyReason, { nullable: true, description: 'Pourquoi le rôle est vacant, le cas échéant.' })
  @Categorized(LOGISTIC)
  vacancy!: VacancyReason | null;

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

@ObjectType('FollowUpAct', { description: "Un acte de l'équipe : visite, rendez-vous, appel…" })
export class FollowUpActObject {
  @Field(() => ID, { description: "L'identifiant de l'acte." })
  @Categorized(LOGISTIC)
  id!: string;

  @Field({ description: "Le jour de l'acte (AAAA-MM-JJ)." })
  @Categorized(LOGISTIC)
  occurredOn!: string;

  @Field(() => ActType, { description: "Le type d'acte." })
  @Categorized(LOGISTIC)
  type!: ActType;

  @Field(() => Int, { description: 'La durée, en minutes.' })
  @Categorized(LOGISTIC)
  durationMinutes!: number;

  @Field(() => [ID], { description: 'Les professionnels présents.' })
  @Categorized(LOGISTIC)
  presentUserIds!: string[];

  @Field(() => String, {
    nullable: true,
    description: "Le professionnel qui a enregistré l'acte (prénom et nom).",
  })
  @Categorized(LOGISTIC)
  recordedByName!: string | null;

  @Field(() => NoteVisibility, { description: 'À qui la note est destinée.' })
  @Categorized(LOGISTIC)
  noteVisibility!: NoteVisibility;

  // A team note; the gate adds health secret to a note for health professionals only.
  @Field(() => String, {
    nullable: true,
    description:
      "La note : confidentielle pour l'équipe, ou secret médical quand elle est réservée aux professionnels de santé. Null quand elle ne vous est pas destinée (voir redactedFields).",
  })
  @Categorized(SOCIAL_CONFIDENTIAL)
  note!: string | null;

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

@ObjectType('FollowUpObjective', { description: "Un objectif de l'accompagnement." })
export class FollowUpObjectiveObject {
  @Field(() => ID, { description: "L'identifiant de l'objectif." })
  @Categorized(LOGISTIC)
  id!: string;

  @Field(() => String, { nullable: true, description: "Le texte de l'objectif (confidentiel)." })
  @Categorized(SOCIAL_CONFIDENTIAL)
  text!: string | null;

  @Field(() => ObjectiveStatus, { description: "Où en est l'objectif." })
  @Categorized(LOGISTIC)
  status!: ObjectiveStatus;

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

@ObjectType('FollowUpIndicators', {
  description: "Chiffres d'un accompagnement, sur les actes que vous pouvez voir.",
})
export class FollowUpIndicatorsObject {
  @Field(() => Int, { description: "Nombre d'actes." })
  @Categorized(LOGISTIC)
  acts!: number;

  @Field(() => Float, { description: 'Part des actes à domicile (0 à 1).' })
  @Categorized(LOGISTIC)
  homeShare!: number;

  @Field(() => Int, { nullable: true, description: 'Jours depuis le dernier contact.' })
  @Categorized(LOGISTIC)
  daysSinceLastContact!: number | null;

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

@ObjectType('TeamReplacement', {
  description: "Votre remplacement daté dans l'équipe : le rôle tenu et sa période.",
})
export class TeamReplacementObject {
  @Field(() => TeamRole, { description: 'Le rôle que vous tenez pendant le remplacement.' })
  @Categorized(LOGISTIC)
  role!: TeamRole;

  @Field(() => String, { nullable: true, description: 'Le premier jour du remplacement (AAAA-MM-JJ).' })
  @Categorized(LOGISTIC)
  fromOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Le dernier jour du remplacement (AAAA-MM-JJ).' })
  @Categorized(LOGISTIC)
  untilOn!: string | null;

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

@ObjectType('FollowUp', { description: 'Un accompagnement en trinôme.' })
export class FollowUpObject {
  @Field(() => ID, { description: "L'identifiant de l'accompagnement." })
  @Categorized(LOGISTIC)
  id!: string;

  @Field(() => ID, { description: 'La situation accompagnée.' })
  @Categorized(LOGISTIC)
  situationId!: string;

  @Field({ description: 'Le code de la situation (pseudonyme).' })
  @Categorized(LOGISTIC)
  caseCode!: string;

  @Field(() => FollowUpKind, { description: "Le type d'accompagnement." })
  @Categorized(LOGISTIC)
  kind!: FollowUpKind;

  @Field(() => RequesterKind, { description: 'Qui l’a demandé.' })
  @Categorized(LOGISTIC)
  requesterKind!: RequesterKind;

  @Field(() => FollowUpPhase, { description: 'La phase en cours.' })
  @Categorized(LOGISTIC)
  phase!: FollowUpPhase;

  @Field({ description: 'Le début (AAAA-MM-JJ).' })
  @Categorized(LOGISTIC)
  startedOn!: string;

  @Field({ description: 'La fin prévue (AAAA-MM-JJ).' })
  @Categorized(LOGISTIC)
  plannedEndOn!: string;

  @Field(() => Int, { description: 'Le nombre de renouvellements.' })
  @Categorized(LOGISTIC)
  renewals!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Le prochain réexamen de la situation par la cellule (AAAA-MM-JJ), le cas échéant.',
  })
  @Categorized(LOGISTIC)
  nextReviewOn!: string | null;

  @Field(() => TeamReplacementObject, {
    nullable: true,
    description:
      "Votre remplacement daté dans l'équipe, en cours ou à venir ; null si vous n'êtes pas remplaçant.",
  })
  @Categorized(LOGISTIC)
  myReplacement!: TeamReplacementObject | null;

  @Field(() => String, { nullable: true, description: 'Le motif de fin anticipée (confidentiel).' })
  @Categorized(SOCIAL_CONFIDENTIAL)
  endReason!: string | null;

  @Field(() => [TeamSeatObject], { description: "Les rôles de l'équipe." })
  @Categorized(LOGISTIC)
  team!: TeamSeatObject[];

  @Field(() => [FollowUpObjectiveObject], { description: 'Les objectifs.' })
  @Categorized(LOGISTIC)
  objectives!: FollowUpObjectiveObject[];

  @Field(() => FollowUpIndicatorsObject, { description: "Les chiffres de l'accompagnement." })
  @Categorized(LOGISTIC)
  indicators!: FollowUpIndicatorsObject;

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

/**
 * A follow-up with every act its reader may see, for the documents that must hold everything (the
 * person's file); the api pages them instead (FollowUp.acts).
 */
export type FollowUpRecord = FollowUpObject & { acts: FollowUpActObject[] };

@ObjectType('Handoff', { description: 'Un passage de relais vers le droit commun.' })
export class HandoffObject {
  @Field(() => ID, { description: "L'identifiant du relais." })
  @Categorized(LOGISTIC)
  id!: string;

  @Field(() => ID, { description: 'La situation relayée.' })
  @Categorized(LOGISTIC)
  situationId!: string;

  @Field({ description: 'Le code de la situation (pseudonyme).' })
  @Categorized(LOGISTIC)
  caseCode!: string;

  @Field(() => ID, { nullable: true, description: "L'accompagnement qui passe le relais, le cas échéant." })
  @Categorized(LOGISTIC)
  followUpId!: string | null;

  @Field(() => ID, { description: "L'organisation qui reçoit le relais." })
  @Categorized(LOGISTIC)
  receivingOrganisationId!: string;

  @Field({ description: "Le nom de l'organisation qui reçoit le relais." })
  @Categorized(LOGISTIC)
  receivingOrganisationName!: string;

  @Field(() => ID, { description: "L'organisation qui a proposé le relais." })
  @Categorized(LOGISTIC)
  proposedByOrganisationId!: string;

  @Field({ description: "Le nom de l'organisation qui a proposé le relais." })
  @Categorized(LOGISTIC)
  proposedByOrganisationName!: string;

  /** The receiving service's professional, not the person: logistics like the organisation. */
  @Field(() => String, { nullable: true, description: "Le référent dans l'organisation qui reçoit." })
  @Categorized(LOGISTIC)
  referentName!: string | null;

  @Field(() => CmpFollowUpStatus, {
    nullable: true,
    description: 'Le suivi au CMP (secret médical : il dit un soin psychiatrique).',
  })
  @Categorized(HEALTH_SECRET)
  cmpFollowUpStatus!: CmpFollowUpStatus | null;

  @Field(() => String, { nullable: true, description: 'Le premier rendez-vous au CMP (secret médical).' })
  @Categorized(HEALTH_SECRET)
  firstAppointmentOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Le référent social de la personne (confidentiel).' })
  @Categorized(SOCIAL_CONFIDENTIAL)
  socialReferent!: string | null;

  @Field(() => EvictionProcedureState, {
    nullable: true,
    description: "L'état de la procédure d'expulsion (logement).",
  })
  @Categorized(HOUSING)
  evictionProcedureState!: EvictionProcedureState | null;

  @Field(() => [RightOpened], { nullable: true, description: 'Les droits ouverts (confidentiel).' })
  @Categorized(SOCIAL_CONFIDENTIAL)
  rightsOpened!: RightOpened[] | null;

  @Field(() => String, { nullable: true, description: 'Les risques qui demeurent (confidentiel).' })
  @Categorized(SOCIAL_CONFIDENTIAL)
  residualRisks!: string | null;

  /** Names and numbers of people around the person: they identify them. */
  @Field(() => String, { nullable: true, description: 'Les contacts utiles (identifiants).' })
  @Categorized(IDENTITY)
  contacts!: string | null;

  @Field({ description: 'La personne est d’accord avec ce relais.' })
  @Categorized(LOGISTIC)
  personAgreed!: boolean;

  @Field(() => HandoffStatus, { description: 'Proposé, accepté ou décliné.' })
  @Categorized(LOGISTIC)
  status!: HandoffStatus;

  @Field(() => String, { nullable: true, description: 'Le motif du refus, pour un relais décliné.' })
  @Categorized(LOGISTIC)
  declineReason!: string | null;

  @Field({ description: 'Quand le relais a été proposé.' })
  @Categorized(LOGISTIC)
  proposedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Quand il a reçu sa réponse.' })
  @Categorized(LOGISTIC)
  answeredAt!: Date | null;

  @Field(() => [Date], {
    description:
      "Quand l'organisation qui reçoit le relais a été relancée faute de réponse, de la plus ancienne relance à la plus récente.",
  })
  @Categorized(LOGISTIC)
  remindersSentAt!: Date[];

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

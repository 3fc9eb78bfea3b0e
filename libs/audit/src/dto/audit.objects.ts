import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Categorized, DataCategory, LOGISTIC_VIEW, RowView } from '@relais/access';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

const L = DataCategory.LOGISTIC;

/**
 * An access log line names a person by id only, with verbs and categories, never the data: every
 * field is logistic, so its readers (auditors, the coordinator) see it whole through the gate.
 */
export const AUDIT_LINE_VIEW: RowView = LOGISTIC_VIEW;

@ObjectType('AuditEvent', {
  description: "Une entrée du journal d'audit : qui a fait ou lu quoi, sans la donnée elle-même.",
})
export class AuditEventObject {
  @Field(() => ID, { description: "Identifiant de l'événement." })
  @Categorized(L)
  id!: string;

  @Field(() => ID, { description: 'Le territoire.' })
  @Categorized(L)
  territoryId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Rang dans la chaîne du territoire : pour une consultation, celui du maillon qui la relie avec d’autres consultations ; null tant que l’événement n’y est pas encore relié (une consultation l’est quelques secondes après).',
  })
  @Categorized(L)
  sequence!: string | null;

  @Field({
    description:
      'Vrai une fois l’événement relié à la chaîne du territoire ; faux entre-temps, où il est déjà enregistré et scellé.',
  })
  @Categorized(L)
  chained!: boolean;

  @Field({ description: "Moment de l'événement." })
  @Categorized(L)
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: "L'auteur·rice, s'il y en a un·e." })
  @Categorized(L)
  actorUserId!: string | null;

  @Field(() => String, { nullable: true, description: "Nom de l'auteur·rice (membre du territoire)." })
  @Categorized(L)
  actorName!: string | null;

  @Field(() => String, { nullable: true, description: 'Identifiant de la requête.' })
  @Categorized(L)
  requestId!: string | null;

  @Field({ description: "L'action (code)." })
  @Categorized(L)
  action!: string;

  @Field({ description: "Le type d'objet concerné." })
  @Categorized(L)
  subjectType!: string;

  @Field(() => ID, { nullable: true, description: "L'objet concerné." })
  @Categorized(L)
  subjectId!: string | null;

  @Field(() => ID, { nullable: true, description: 'La personne concernée (identifiant seulement).' })
  @Categorized(L)
  personId!: string | null;

  @Field(() => [String], { description: "Catégories d'information lues ou modifiées." })
  @Categorized(L)
  dataCategories!: string[];

  @Field({ description: 'Détails (identifiants, rôles, champs), en JSON.' })
  @Categorized(L)
  details!: string;

  @Field(() => [String], {
    description: 'Les champs masqués pour vous (aucun : le journal ne porte que des codes).',
  })
  redactedFields!: string[];
}

/** What an auditor sorts the log by: what people did, or what the platform refused or noticed. */
export enum AuditEventCategory {
  ACTIVITY = 'ACTIVITY',
  SECURITY = 'SECURITY',
}
registerEnumType(AuditEventCategory, {
  name: 'AuditEventCategory',
  description: "La nature d'un événement du journal d'audit.",
  valuesMap: {
    ACTIVITY: { description: 'Ce que les personnes ont fait ou lu (créations, lectures, décisions…).' },
    SECURITY: {
      description:
        'Les événements de sécurité : connexions échouées, comptes bloqués, mots de passe et second facteur, accès et modifications refusés, charte non acceptée.',
    },
  },
});

@InputType({
  description: "Filtre du journal d'audit d'un territoire ; les critères absents ne filtrent pas.",
})
export class AuditEventFilterInput {
  @Field(() => ID, { description: 'Le territoire audité.' })
  @IsUUID('all', { message: "L'identifiant du territoire n'est pas valide." })
  territoryId!: string;

  @Field(() => ID, { nullable: true, description: "Seulement les événements de ce compte (l'auteur·rice)." })
  @IsOptional()
  @IsUUID('all', { message: "L'identifiant de l'auteur·rice n'est pas valide." })
  actorUserId?: string;

  @Field({
    nullable: true,
    description: "Seulement ce type d'objet (par exemple « Referral », « Membership »).",
  })
  @IsOptional()
  @IsString({ message: "Le type d'objet est un texte." })
  @MaxLength(60, { message: "Le type d'objet est trop long." })
  subjectType?: string;

  @Field(() => ID, { nullable: true, description: 'Seulement cet objet.' })
  @IsOptional()
  @IsUUID('all', { message: "L'identifiant de l'objet n'est pas valide." })
  subjectId?: string;

  @Field({ nullable: true, description: 'Seulement cette action (code, par exemple « ROLE_GRANTED »).' })
  @IsOptional()
  @IsString({ message: "L'action est un texte." })
  @MaxLength(60, { message: "L'action est trop longue." })
  action?: string;

  @Field(() => AuditEventCategory, {
    nullable: true,
    description: "Seulement l'activité, ou seulement les événements de sécurité ; les deux si absent.",
  })
  @IsOptional()
  @IsEnum(AuditEventCategory, { message: "La nature d'événement demandée n'existe pas." })
  category?: AuditEventCategory;

  @Field({ nullable: true, description: 'À partir de ce moment (inclus).' })
  @IsOptional()
  @IsDate({ message: 'La date de début n’est pas valide.' })
  from?: Date;

  @Field({ nullable: true, description: "Jusqu'à ce moment (exclu)." })
  @IsOptional()
  @IsDate({ message: 'La date de fin n’est pas valide.' })
  to?: Date;
}

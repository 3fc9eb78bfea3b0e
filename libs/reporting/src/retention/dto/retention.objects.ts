import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { ClosureReason, SituationRetentionState } from '@relais/situations';
import { LegalHoldScope } from '../entities';
import { RetentionStepKind } from '../retention-lifecycle.service';

const { LOGISTIC } = DataCategory;

export enum RetentionPeriodKind {
  ACTIVE = 'ACTIVE',
  ARCHIVE = 'ARCHIVE',
  AUDIT = 'AUDIT',
}
registerEnumType(RetentionPeriodKind, {
  name: 'RetentionPeriodKind',
  description: 'Une des durées de conservation du territoire.',
  valuesMap: {
    ACTIVE: { description: 'En base active, après le dernier contact avec la personne (situation close).' },
    ARCHIVE: { description: 'En archive intermédiaire, avant l’anonymisation.' },
    AUDIT: { description: 'Conservation des événements du journal d’audit.' },
  },
});
registerEnumType(RetentionStepKind, {
  name: 'RetentionStepKind',
  description: 'Ce que fait le traitement quotidien de conservation.',
  valuesMap: {
    ARCHIVE_SITUATION: { description: 'Archiver une situation close (lecture seule, coordination seule).' },
    ANONYMISE_SITUATION: {
      description: 'Anonymiser une situation archivée (identité et textes libres effacés).',
    },
    PURGE_AUDIT_EVENTS: { description: 'Purger les événements d’audit trop anciens.' },
  },
});

@ObjectType('RetentionPeriodRule', { description: 'Une durée de conservation, ses bornes et son fondement.' })
export class RetentionPeriodRuleObject {
  @Field(() => RetentionPeriodKind, { description: 'Laquelle.' })
  period!: RetentionPeriodKind;

  @Field(() => Int, { description: 'La durée en vigueur, en mois.' })
  months!: number;

  @Field(() => Int, { description: 'La durée par défaut, en mois.' })
  defaultMonths!: number;

  @Field(() => Int, { description: 'La durée la plus courte que le territoire peut choisir, en mois.' })
  minMonths!: number;

  @Field(() => Int, { description: 'La durée la plus longue que le territoire peut choisir, en mois.' })
  maxMonths!: number;

  @Field({ description: 'Le fondement juridique de la durée par défaut.' })
  legalBasis!: string;
}

@ObjectType('LegalHold', { description: 'Un gel juridique : ce qu’il protège n’est ni anonymisé ni purgé.' })
export class LegalHoldObject {
  @Field(() => ID, { description: 'Identifiant du gel.' })
  id!: string;

  @Field(() => ID, { description: 'Le territoire.' })
  territoryId!: string;

  @Field(() => LegalHoldScope, { description: 'Ce qu’il protège.' })
  scope!: LegalHoldScope;

  @Field(() => ID, { nullable: true, description: 'La situation protégée (gel sur une situation).' })
  situationId!: string | null;

  @Field({ description: 'Le motif (référence d’une procédure, jamais un texte sur la personne).' })
  reason!: string;

  @Field(() => ID, { description: 'Qui l’a posé.' })
  placedByUserId!: string;

  @Field({ description: 'Quand il a été posé.' })
  placedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Qui l’a levé ; null tant qu’il est en vigueur.' })
  liftedByUserId!: string | null;

  @Field(() => Date, { nullable: true, description: 'Quand il a été levé ; null tant qu’il est en vigueur.' })
  liftedAt!: Date | null;
}

@ObjectType('RetentionPolicy', {
  description:
    'Les durées de conservation du territoire, leurs fondements et les gels juridiques en vigueur.',
})
export class RetentionPolicyObject {
  @Field(() => ID, { description: 'Le territoire.' })
  territoryId!: string;

  @Field(() => Int, { description: 'Mois en base active après le dernier contact (situation close).' })
  activeMonths!: number;

  @Field(() => Int, { description: 'Mois d’archivage avant l’anonymisation.' })
  archiveMonths!: number;

  @Field(() => Int, { description: 'Mois de conservation du journal d’audit (jamais moins de 6).' })
  auditMonths!: number;

  @Field({ description: 'Vrai quand le territoire garde toutes les durées par défaut.' })
  usesDefaults!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Pourquoi le territoire s’écarte des durées par défaut ; null s’il les garde.',
  })
  justification!: string | null;

  @Field(() => Date, { nullable: true, description: 'Dernière modification ; null : jamais modifiées.' })
  updatedAt!: Date | null;

  @Field(() => [RetentionPeriodRuleObject], { description: 'Chaque durée, ses bornes et son fondement.' })
  periods!: RetentionPeriodRuleObject[];

  @Field(() => [LegalHoldObject], { description: 'Les gels juridiques en vigueur.' })
  legalHolds!: LegalHoldObject[];
}

@ObjectType('RetentionStep', {
  description: 'Une étape que le traitement de conservation ferait (ou a faite), décrite en français.',
})
export class RetentionStepObject {
  @Field(() => RetentionStepKind, { description: 'Laquelle.' })
  @Categorized(LOGISTIC)
  kind!: RetentionStepKind;

  @Field(() => ID, { nullable: true, description: 'La situation concernée ; null pour la purge du journal.' })
  @Categorized(LOGISTIC)
  situationId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Son code de situation ; null pour la purge du journal.',
  })
  @Categorized(LOGISTIC)
  caseCode!: string | null;

  @Field({ description: 'Due depuis (pour la purge : les événements antérieurs à cet instant).' })
  @Categorized(LOGISTIC)
  dueAt!: Date;

  @Field({ description: 'Vrai quand un gel juridique en vigueur la suspend.' })
  @Categorized(LOGISTIC)
  held!: boolean;

  @Field(() => Int, { description: 'Événements d’audit concernés (la purge) ; 0 sinon.' })
  @Categorized(LOGISTIC)
  events!: number;

  @Field({ description: 'Ce qui serait fait, en français.' })
  @Categorized(LOGISTIC)
  description!: string;

  @Field(() => [String], {
    description: 'Champs masqués pour vous (leur valeur est null), qu’ils soient renseignés ou non.',
  })
  redactedFields!: string[];
}

@ObjectType('RetentionPlan', {
  description: 'Ce que le traitement de conservation ferait maintenant, sans rien changer (simulation).',
})
export class RetentionPlanObject {
  @Field(() => ID, { description: 'Le territoire.' })
  territoryId!: string;

  @Field({ description: 'L’instant du calcul.' })
  computedAt!: Date;

  @Field(() => [RetentionStepObject], { description: 'Les étapes, dans l’ordre où elles seraient faites.' })
  steps!: RetentionStepObject[];
}

@ObjectType('ArchivedSituation', {
  description: 'Une situation archivée ou anonymisée, lue par la coordination sur demande (lecture seule).',
})
export class ArchivedSituationObject {
  @Field(() => ID, { description: 'Identifiant de la situation.' })
  @Categorized(LOGISTIC)
  id!: string;

  @Field(() => ID, { description: 'Le territoire.' })
  @Categorized(LOGISTIC)
  territoryId!: string;

  @Field({ description: 'Le code de situation, conservé après l’anonymisation.' })
  @Categorized(LOGISTIC)
  caseCode!: string;

  @Field(() => SituationRetentionState, { description: 'Archivée ou anonymisée.' })
  @Categorized(LOGISTIC)
  retentionState!: SituationRetentionState;

  @Field({ description: 'Date d’ouverture.' })
  @Categorized(LOGISTIC)
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Date de clôture.' })
  @Categorized(LOGISTIC)
  closedAt!: Date | null;

  @Field(() => ClosureReason, { nullable: true, description: 'Motif de clôture.' })
  @Categorized(LOGISTIC)
  closureReason!: ClosureReason | null;

  @Field({ description: 'Date d’archivage.' })
  @Categorized(LOGISTIC)
  archivedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'Date d’anonymisation ; null tant qu’elle est archivée.',
  })
  @Categorized(LOGISTIC)
  anonymisedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Quand elle sera anonymisée (fin de l’archivage) ; null une fois anonymisée.',
  })
  @Categorized(LOGISTIC)
  anonymiseOn!: Date | null;

  @Field({ description: 'Vrai quand un gel juridique en vigueur la protège de l’anonymisation.' })
  @Categorized(LOGISTIC)
  underLegalHold!: boolean;

  @Field(() => [String], {
    description: 'Champs masqués pour vous (leur valeur est null), qu’ils soient renseignés ou non.',
  })
  redactedFields!: string[];
}

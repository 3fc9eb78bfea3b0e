import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Categorized, DataCategory, LegalBasis } from '@relais/access';
import { ActionOrigin, ActionStatus } from '../domain/action-status';
import { AgeBand } from '../domain/age-band';
import { ProtectionMeasure } from '../domain/protection-measure';
import { ClosureReason, SituationStatus } from '../domain/situation-status';

const { LOGISTIC, IDENTITY, SOCIAL_CONFIDENTIAL } = DataCategory;

const REDACTED = {
  description: 'Champs masqués pour vous (leur valeur est null), qu’ils soient renseignés ou non.',
};

@ObjectType('Person', {
  description:
    'La personne telle que la cellule en parle : code de situation et pseudonyme (initiales, âge, quartier).',
})
export class PersonObject {
  @Field(() => ID, { description: 'Identifiant technique de la personne.' })
  @Categorized(LOGISTIC)
  id!: string;

  @Field({ description: 'Code stable de la situation dans le territoire, sans lien avec le nom.' })
  @Categorized(LOGISTIC)
  caseCode!: string;

  @Field({ description: 'Initiales, par exemple « E. D. ».' })
  @Categorized(LOGISTIC)
  initials!: string;

  @Field(() => AgeBand, { description: 'Tranche d’âge, jamais la date de naissance.' })
  @Categorized(LOGISTIC)
  ageBand!: AgeBand;

  @Field(() => String, { nullable: true, description: 'Quartier ou commune, jamais l’adresse.' })
  @Categorized(LOGISTIC)
  district!: string | null;

  @Field({ description: 'Présentation anonymisée : « C. D., 50–59 ans, quartier Nord ».' })
  @Categorized(LOGISTIC)
  pseudonym!: string;

  @Field(() => [String], { ...REDACTED })
  redactedFields!: string[];
}

@ObjectType('PersonIdentity', {
  description:
    'Identité de la personne : visible seulement si le consentement nomme votre organisation (ou par dérogation).',
})
export class PersonIdentityObject {
  @Field(() => ID, { description: 'Identifiant technique de la personne.' })
  @Categorized(LOGISTIC)
  personId!: string;

  @Field(() => String, { nullable: true, description: 'Nom de famille.' })
  @Categorized(IDENTITY)
  lastName!: string | null;

  @Field(() => String, { nullable: true, description: 'Prénom.' })
  @Categorized(IDENTITY)
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Date de naissance (AAAA-MM-JJ).' })
  @Categorized(IDENTITY)
  birthDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Adresse postale.' })
  @Categorized(IDENTITY)
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'Téléphone.' })
  @Categorized(IDENTITY)
  phone!: string | null;

  @Field(() => ProtectionMeasure, { nullable: true, description: 'Mesure de protection juridique.' })
  @Categorized(IDENTITY)
  protectionMeasure!: ProtectionMeasure | null;

  @Field(() => String, { nullable: true, description: 'Nom du représentant (tuteur, curateur…).' })
  @Categorized(IDENTITY)
  representativeName!: string | null;

  @Field(() => String, { nullable: true, description: 'Coordonnées du représentant.' })
  @Categorized(IDENTITY)
  representativeContact!: string | null;

  @Field(() => [String], { ...REDACTED })
  redactedFields!: string[];
}

@ObjectType('SituationCircleMember', { description: 'Un partenaire du cercle de la situation.' })
export class SituationCircleMemberObject {
  @Field(() => ID, { description: 'Le partenaire.' })
  @Categorized(LOGISTIC)
  organisationId!: string;

  @Field(() => LegalBasis, {
    description: 'Ce qui l’a fait entrer dans le cercle : saisine, consentement ou dérogation.',
  })
  @Categorized(LOGISTIC)
  basis!: LegalBasis;

  @Field({ description: 'Date d’entrée dans le cercle.' })
  @Categorized(LOGISTIC)
  addedAt!: Date;

  @Field(() => [String], { ...REDACTED })
  redactedFields!: string[];
}

@ObjectType('SituationEvent', { description: "Une ligne de l'historique de la situation." })
export class SituationEventObject {
  @Field(() => ID, { description: 'Identifiant de la ligne.' })
  @Categorized(LOGISTIC)
  id!: string;

  @Field({ description: 'Nature de la ligne (code) ; jamais de texte libre sur la personne.' })
  @Categorized(LOGISTIC)
  kind!: string;

  @Field({ description: 'Libellé en français.' })
  @Categorized(LOGISTIC)
  label!: string;

  @Field(() => DataCategory, { description: 'Catégorie de donnée de ce que la ligne rapporte.' })
  @Categorized(LOGISTIC)
  category!: DataCategory;

  // Who acted says who is around the person (a CMP tells of psychiatric care).
  @Field(() => ID, { nullable: true, description: 'Le partenaire qui a agi.' })
  @Categorized(SOCIAL_CONFIDENTIAL)
  actorOrganisationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Renseigné quand la ligne ne concerne qu’un partenaire.' })
  @Categorized(LOGISTIC)
  audienceOrganisationId!: string | null;

  @Field({ description: 'Date et heure.' })
  @Categorized(LOGISTIC)
  occurredAt!: Date;

  @Field(() => [String], { ...REDACTED })
  redactedFields!: string[];
}

@ObjectType('Action', { description: '« Qui fait quoi pour quand ».' })
export class ActionObject {
  @Field(() => ID, { description: 'Identifiant de l’action.' })
  @Categorized(LOGISTIC)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'La situation, une fois ouverte.' })
  @Categorized(LOGISTIC)
  situationId!: string | null;

  // How every notice about the action names the person: its owner needs it to know whom it concerns.
  @Field({ description: 'Le code de la situation de la personne concernée.' })
  @Categorized(LOGISTIC)
  caseCode!: string;

  // Written for the partner it is addressed to, who must read it to act.
  @Field({ description: 'Ce qu’il faut faire, rédigé pour le partenaire chargé de l’action.' })
  @Categorized(LOGISTIC)
  description!: string;

  @Field(() => ID, { description: 'Le partenaire chargé de l’action.' })
  @Categorized(LOGISTIC)
  ownerOrganisationId!: string;

  @Field(() => ID, { nullable: true, description: 'La personne chargée de l’action, si elle est nommée.' })
  @Categorized(LOGISTIC)
  ownerUserId!: string | null;

  @Field({ description: 'Échéance (AAAA-MM-JJ).' })
  @Categorized(LOGISTIC)
  dueOn!: string;

  @Field(() => ActionStatus, { description: 'Où en est l’action.' })
  @Categorized(LOGISTIC)
  status!: ActionStatus;

  @Field(() => ActionOrigin, { description: 'Ce qui a fait naître l’action (décision, dérogation).' })
  @Categorized(LOGISTIC)
  origin!: ActionOrigin;

  // Written by the partner that acts, for the cell, under the same rule as the description.
  @Field(() => String, {
    nullable: true,
    description: 'Ce qui a été fait, ou ce qui bloque, tel que le partenaire chargé l’a noté ; null sinon.',
  })
  @Categorized(LOGISTIC)
  outcome!: string | null;

  @Field(() => [String], { ...REDACTED })
  redactedFields!: string[];
}

@ObjectType('Situation', { description: 'Une situation suivie par la cellule.' })
export class SituationObject {
  @Field(() => ID, { description: 'Identifiant de la situation.' })
  @Categorized(LOGISTIC)
  id!: string;

  @Field(() => ID, { description: 'Le territoire.' })
  @Categorized(LOGISTIC)
  territoryId!: string;

  @Field(() => PersonObject, { description: 'Code de situation et pseudonyme.' })
  @Categorized(LOGISTIC)
  person!: PersonObject;

  @Field(() => PersonIdentityObject, {
    nullable: true,
    description: 'Null quand votre organisation n’a pas accès à l’identité (voir redactedFields).',
  })
  @Categorized(IDENTITY)
  identity!: PersonIdentityObject | null;

  @Field(() => SituationStatus, { description: 'Où en est la situation.' })
  @Categorized(LOGISTIC)
  status!: SituationStatus;

  @Field({ description: 'Le statut, en français.' })
  @Categorized(LOGISTIC)
  statusLabel!: string;

  @Field({ description: 'Date d’ouverture.' })
  @Categorized(LOGISTIC)
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Date de clôture.' })
  @Categorized(LOGISTIC)
  closedAt!: Date | null;

  @Field(() => ClosureReason, { nullable: true, description: 'Motif de clôture.' })
  @Categorized(LOGISTIC)
  closureReason!: ClosureReason | null;

  @Field(() => String, { nullable: true, description: 'Prochaine révision prévue (AAAA-MM-JJ).' })
  @Categorized(LOGISTIC)
  nextReviewOn!: string | null;

  // Who is around the person says something: a CMP in the circle tells of psychiatric care.
  @Field(() => [SituationCircleMemberObject], {
    nullable: true,
    description: 'Les partenaires du cercle ; réservé aux professionnels du secret partagé.',
  })
  @Categorized(SOCIAL_CONFIDENTIAL)
  circle!: SituationCircleMemberObject[] | null;

  // Its timeline and actions are connections read page by page (SituationHistoryResolver).

  // Only those the reader's own rules on follow-ups let it read: the row rule is the gate.
  @Field(() => [ID], {
    description:
      'Les accompagnements (trinômes) de la situation que vous pouvez lire, du plus ancien au plus récent ; leur détail : followUp.',
  })
  @Categorized(LOGISTIC)
  followUpIds!: string[];

  @Field(() => [String], { ...REDACTED })
  redactedFields!: string[];
}

/**
 * A situation with its whole timeline and every action its reader may see, for the documents that
 * must hold everything (the person's file, the PPCS); the api pages them instead.
 */
export type SituationRecord = SituationObject & {
  timeline: SituationEventObject[];
  actions: ActionObject[];
};

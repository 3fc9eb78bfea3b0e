import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { ConsentStatus } from '@relais/consent';
import { ReferrerKind } from '@relais/identity';
import { ActionObject, PersonIdentityObject, PersonObject, SituationStatus } from '@relais/situations';
import { DifficultyArea, RedirectTarget, ReferralRequest, Urgency } from '../domain/referral-form.enums';
import { ReferralStatus } from '../domain/referral-status';

const REDACTED = 'Champs masqués pour vous : ils valent null, renseignés ou non.';

@ObjectType('ReferralTransition', {
  description: 'Un changement d’état de la saisine (réservé à son auteur et à la coordination).',
})
export class ReferralTransitionObject {
  @Field(() => ReferralStatus, { nullable: true, description: 'L’état quitté (aucun à la création).' })
  @Categorized(DataCategory.LOGISTIC)
  fromStatus!: ReferralStatus | null;

  @Field(() => ReferralStatus, { description: 'L’état atteint.' })
  @Categorized(DataCategory.LOGISTIC)
  toStatus!: ReferralStatus;

  @Field(() => ID, {
    nullable: true,
    description: 'Qui a fait ce changement : celui de la création dit qui a saisi la cellule.',
  })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  actorUserId!: string | null;

  @Field({ description: 'Quand.' })
  @Categorized(DataCategory.LOGISTIC)
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Le motif donné, en texte libre.' })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  reason!: string | null;

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

@ObjectType('Referral', {
  description:
    'Une saisine. Les champs que votre relation ne permet pas de lire valent null et sont listés dans redactedFields.',
})
export class ReferralObject {
  @Field(() => ID, { description: 'Identifiant de la saisine.' })
  @Categorized(DataCategory.LOGISTIC)
  id!: string;

  @Field(() => ID, { description: 'Le territoire (CLSM) saisi.' })
  @Categorized(DataCategory.LOGISTIC)
  territoryId!: string;

  @Field(() => PersonObject, { description: 'Code de situation et pseudonyme.' })
  @Categorized(DataCategory.LOGISTIC)
  person!: PersonObject;

  @Field(() => PersonIdentityObject, {
    nullable: true,
    description: 'L’identité de la personne : pour l’auteur, la coordination et qui le consentement nomme.',
  })
  @Categorized(DataCategory.IDENTITY)
  identity!: PersonIdentityObject | null;

  @Field(() => ReferralStatus, { description: 'Où en est la saisine.' })
  @Categorized(DataCategory.LOGISTIC)
  status!: ReferralStatus;

  @Field({ description: 'L’état de la saisine, en français.' })
  @Categorized(DataCategory.LOGISTIC)
  statusLabel!: string;

  @Field({ description: 'Statut équivalent d’une Task FHIR R4.' })
  @Categorized(DataCategory.LOGISTIC)
  fhirTaskStatus!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Qui a saisi la cellule. Nommer un soignant (un psychiatre de CMP) révèlerait un soin : réservé à l’auteur, à la coordination et aux lecteurs du social confidentiel.',
  })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  referrerUserId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'L’organisation qui a saisi la cellule ; mêmes lecteurs que referrerUserId.',
  })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  referrerOrganisationId!: string | null;

  @Field(() => ReferrerKind, {
    nullable: true,
    description:
      'La nature du partenaire qui a saisi la cellule, dite sans révéler un soin (psychiatrie, médico-social et entraide sont dits ensemble).',
  })
  @Categorized(DataCategory.LOGISTIC)
  referrerKind!: ReferrerKind | null;

  @Field(() => Urgency, { nullable: true, description: 'L’urgence ressentie par l’auteur.' })
  @Categorized(DataCategory.LOGISTIC)
  urgency!: Urgency | null;

  @Field(() => [ReferralRequest], { nullable: true, description: 'Ce qui est demandé à la cellule.' })
  @Categorized(DataCategory.LOGISTIC)
  requests!: ReferralRequest[] | null;

  @Field(() => [DifficultyArea], { nullable: true, description: 'Les domaines de difficulté.' })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  difficultyAreas!: DifficultyArea[] | null;

  @Field(() => [String], { nullable: true, description: 'Les services qui interviennent déjà.' })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  servicesInvolved!: string[] | null;

  @Field(() => String, { nullable: true, description: 'Ce qui a déjà été tenté.' })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  actionsTried!: string | null;

  @Field(() => String, { nullable: true, description: 'Ce qui bloque.' })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  blockages!: string | null;

  @Field(() => String, { nullable: true, description: 'La question posée à la cellule.' })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  questionToCell!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'La description de la situation (strictement nécessaire).',
  })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Le contexte de logement.' })
  @Categorized(DataCategory.HOUSING)
  housingContext!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Les informations de santé : écrites et lues par les seuls professionnels de santé.',
  })
  @Categorized(DataCategory.HEALTH_SECRET)
  healthInformation!: string | null;

  @Field(() => Date, { nullable: true, description: 'Date de transmission à la cellule.' })
  @Categorized(DataCategory.LOGISTIC)
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Date de la décision de la cellule.' })
  @Categorized(DataCategory.LOGISTIC)
  decidedAt!: Date | null;

  @Field(() => RedirectTarget, {
    nullable: true,
    description: 'L’instance vers laquelle la saisine est réorientée.',
  })
  @Categorized(DataCategory.LOGISTIC)
  redirectTarget!: RedirectTarget | null;

  @Field(() => String, { nullable: true, description: 'Le message de réorientation adressé à l’auteur.' })
  @Categorized(DataCategory.LOGISTIC)
  redirectMessage!: string | null;

  @Field(() => ID, { nullable: true, description: 'La situation ouverte (ou rejointe) à l’acceptation.' })
  @Categorized(DataCategory.LOGISTIC)
  situationId!: string | null;

  @Field(() => ConsentStatus, { nullable: true, description: 'Où en est le consentement de la personne.' })
  @Categorized(DataCategory.LOGISTIC)
  consentStatus!: ConsentStatus | null;

  @Field(() => PersonObject, {
    nullable: true,
    description:
      'Réservé à la coordination : une personne du territoire porte les mêmes nom, prénom et date de naissance.',
  })
  @Categorized(DataCategory.IDENTITY)
  possibleDuplicate!: PersonObject | null;

  @Field(() => [ReferralTransitionObject], {
    nullable: true,
    description: 'Réservé à l’auteur et à la coordination.',
  })
  @Categorized(DataCategory.LOGISTIC)
  transitions!: ReferralTransitionObject[] | null;

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

@ObjectType('MyReferral', {
  description:
    'Ce qu’est devenue une saisine de mon organisation : jamais de donnée sociale confidentielle ni de santé.',
})
export class MyReferralObject {
  @Field(() => ID, { description: 'Identifiant de la saisine.' })
  @Categorized(DataCategory.LOGISTIC)
  id!: string;

  @Field({ description: 'Code de la situation.' })
  @Categorized(DataCategory.LOGISTIC)
  caseCode!: string;

  @Field({ description: 'Présentation anonymisée de la personne.' })
  @Categorized(DataCategory.LOGISTIC)
  pseudonym!: string;

  @Field(() => ReferralStatus, { description: 'Où en est la saisine.' })
  @Categorized(DataCategory.LOGISTIC)
  status!: ReferralStatus;

  @Field({ description: 'L’état de la saisine, en français.' })
  @Categorized(DataCategory.LOGISTIC)
  statusLabel!: string;

  @Field({ description: 'Statut équivalent d’une Task FHIR R4.' })
  @Categorized(DataCategory.LOGISTIC)
  fhirTaskStatus!: string;

  @Field(() => Date, { nullable: true, description: 'Date de transmission à la cellule.' })
  @Categorized(DataCategory.LOGISTIC)
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Date de la décision de la cellule.' })
  @Categorized(DataCategory.LOGISTIC)
  decidedAt!: Date | null;

  @Field(() => RedirectTarget, {
    nullable: true,
    description: 'L’instance vers laquelle la saisine est réorientée.',
  })
  @Categorized(DataCategory.LOGISTIC)
  redirectTarget!: RedirectTarget | null;

  @Field(() => String, { nullable: true, description: 'Le message de réorientation adressé à l’auteur.' })
  @Categorized(DataCategory.LOGISTIC)
  redirectMessage!: string | null;

  @Field(() => SituationStatus, { nullable: true, description: 'Où en est la situation ouverte.' })
  @Categorized(DataCategory.LOGISTIC)
  situationStatus!: SituationStatus | null;

  @Field(() => Date, {
    nullable: true,
    description: 'La prochaine séance dont l’ordre du jour publié inscrit la situation.',
  })
  @Categorized(DataCategory.LOGISTIC)
  nextMeetingAt!: Date | null;

  @Field(() => [ActionObject], {
    description:
      'Les actions confiées à mon organisation pour cette personne, par échéance : au plus 20, les actions ouvertes retenues d’abord.',
  })
  @Categorized(DataCategory.LOGISTIC)
  actionsForMyOrganisation!: ActionObject[];

  @Field(() => Int, {
    description:
      'Combien d’actions sont confiées à mon organisation pour cette personne, y compris celles que la liste ne montre pas.',
  })
  @Categorized(DataCategory.LOGISTIC)
  actionsForMyOrganisationCount!: number;

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

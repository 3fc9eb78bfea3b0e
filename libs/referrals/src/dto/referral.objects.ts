import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { ConsentStatus } from '@relais/consent';
import { ActionObject, PersonIdentityObject, PersonObject, SituationStatus } from '@relais/situations';
import { DifficultyArea, RedirectTarget, ReferralRequest, Urgency } from '../domain/referral-form.enums';
import { ReferralStatus } from '../domain/referral-status';

@ObjectType('ReferralTransition', { description: 'Un changement d’état de la saisine.' })
export class ReferralTransitionObject {
  @Field(() => ReferralStatus, { nullable: true })
  fromStatus!: ReferralStatus | null;

  @Field(() => ReferralStatus)
  toStatus!: ReferralStatus;

  @Field(() => ID)
  actorUserId!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType('Referral', {
  description:
    'Une saisine. Les champs que votre relation ne permet pas de lire valent null et sont listés dans redactedFields.',
})
export class ReferralObject {
  @Field(() => ID)
  @Categorized(DataCategory.LOGISTIC)
  id!: string;

  @Field(() => ID)
  @Categorized(DataCategory.LOGISTIC)
  territoryId!: string;

  @Field(() => PersonObject, { description: 'Code de situation et pseudonyme.' })
  @Categorized(DataCategory.LOGISTIC)
  person!: PersonObject;

  @Field(() => PersonIdentityObject, { nullable: true, description: 'Selon le consentement.' })
  @Categorized(DataCategory.IDENTITY)
  identity!: PersonIdentityObject | null;

  @Field(() => ReferralStatus)
  @Categorized(DataCategory.LOGISTIC)
  status!: ReferralStatus;

  @Field()
  @Categorized(DataCategory.LOGISTIC)
  statusLabel!: string;

  @Field({ description: 'Statut équivalent d’une Task FHIR R4.' })
  @Categorized(DataCategory.LOGISTIC)
  fhirTaskStatus!: string;

  @Field(() => ID, { nullable: true })
  @Categorized(DataCategory.LOGISTIC)
  referrerUserId!: string | null;

  @Field(() => ID, { nullable: true })
  @Categorized(DataCategory.LOGISTIC)
  referrerOrganisationId!: string | null;

  @Field(() => Urgency, { nullable: true })
  @Categorized(DataCategory.LOGISTIC)
  urgency!: Urgency | null;

  @Field(() => [ReferralRequest], { nullable: true })
  @Categorized(DataCategory.LOGISTIC)
  requests!: ReferralRequest[] | null;

  @Field(() => [DifficultyArea], { nullable: true })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  difficultyAreas!: DifficultyArea[] | null;

  @Field(() => [String], { nullable: true })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  servicesInvolved!: string[] | null;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  actionsTried!: string | null;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  blockages!: string | null;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  questionToCell!: string | null;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.SOCIAL_CONFIDENTIAL)
  description!: string | null;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.HOUSING)
  housingContext!: string | null;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.HEALTH_SECRET)
  healthInformation!: string | null;

  @Field(() => Date, { nullable: true })
  @Categorized(DataCategory.LOGISTIC)
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Categorized(DataCategory.LOGISTIC)
  decidedAt!: Date | null;

  @Field(() => RedirectTarget, { nullable: true })
  @Categorized(DataCategory.LOGISTIC)
  redirectTarget!: RedirectTarget | null;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.LOGISTIC)
  redirectMessage!: string | null;

  @Field(() => ID, { nullable: true })
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

  @Field(() => [String])
  redactedFields!: string[];
}

@ObjectType('MyReferral', {
  description:
    'Ce qu’est devenue une saisine de mon organisation : jamais de donnée sociale confidentielle ni de santé.',
})
export class MyReferralObject {
  @Field(() => ID)
  id!: string;

  @Field()
  caseCode!: string;

  @Field()
  pseudonym!: string;

  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field()
  statusLabel!: string;

  @Field()
  fhirTaskStatus!: string;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => RedirectTarget, { nullable: true })
  redirectTarget!: RedirectTarget | null;

  @Field(() => String, { nullable: true })
  redirectMessage!: string | null;

  @Field(() => SituationStatus, { nullable: true })
  situationStatus!: SituationStatus | null;

  @Field(() => Date, {
    nullable: true,
    description: 'La prochaine séance dont l’ordre du jour publié inscrit la situation.',
  })
  nextMeetingAt!: Date | null;

  @Field(() => [ActionObject], {
    description: 'Les actions confiées à mon organisation pour cette personne.',
  })
  actionsForMyOrganisation!: ActionObject[];
}

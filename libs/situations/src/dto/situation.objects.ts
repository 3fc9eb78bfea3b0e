import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Categorized, DataCategory, LegalBasis } from '@relais/access';
import { ActionOrigin, ActionStatus } from '../domain/action-status';
import { AgeBand } from '../domain/age-band';
import { ProtectionMeasure } from '../domain/protection-measure';
import { ClosureReason, SituationStatus } from '../domain/situation-status';

@ObjectType('Person', {
  description:
    'La personne telle que la cellule en parle : code de situation et pseudonyme (initiales, âge, quartier).',
})
export class PersonObject {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Code stable de la situation dans le territoire, sans lien avec le nom.' })
  @Categorized(DataCategory.LOGISTIC)
  caseCode!: string;

  @Field()
  @Categorized(DataCategory.LOGISTIC)
  initials!: string;

  @Field(() => AgeBand)
  @Categorized(DataCategory.LOGISTIC)
  ageBand!: AgeBand;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.LOGISTIC)
  district!: string | null;

  @Field({ description: 'Présentation anonymisée : « C. D., 50–59 ans, quartier Nord ».' })
  @Categorized(DataCategory.LOGISTIC)
  pseudonym!: string;
}

@ObjectType('PersonIdentity', {
  description:
    'Identité de la personne : visible seulement si le consentement nomme votre organisation (ou par dérogation).',
})
export class PersonIdentityObject {
  @Field(() => ID)
  personId!: string;

  @Field()
  @Categorized(DataCategory.IDENTITY)
  lastName!: string;

  @Field()
  @Categorized(DataCategory.IDENTITY)
  firstName!: string;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.IDENTITY)
  birthDate!: string | null;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.IDENTITY)
  address!: string | null;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.IDENTITY)
  phone!: string | null;

  @Field(() => ProtectionMeasure)
  @Categorized(DataCategory.IDENTITY)
  protectionMeasure!: ProtectionMeasure;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.IDENTITY)
  representativeName!: string | null;

  @Field(() => String, { nullable: true })
  @Categorized(DataCategory.IDENTITY)
  representativeContact!: string | null;
}

@ObjectType('SituationCircleMember', { description: 'Un partenaire du cercle de la situation.' })
export class SituationCircleMemberObject {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => LegalBasis)
  basis!: LegalBasis;

  @Field()
  addedAt!: Date;
}

@ObjectType('SituationEvent', { description: "Une ligne de l'historique de la situation." })
export class SituationEventObject {
  @Field(() => ID)
  id!: string;

  @Field()
  kind!: string;

  @Field({ description: 'Libellé en français.' })
  label!: string;

  @Field(() => DataCategory)
  category!: DataCategory;

  @Field(() => ID, { nullable: true })
  actorOrganisationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Renseigné quand la ligne ne concerne qu’un partenaire.' })
  audienceOrganisationId!: string | null;

  @Field()
  occurredAt!: Date;
}

@ObjectType('Action', { description: '« Qui fait quoi pour quand ».' })
export class ActionObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  situationId!: string | null;

  @Field()
  @Categorized(DataCategory.LOGISTIC)
  description!: string;

  @Field(() => ID)
  ownerOrganisationId!: string;

  @Field(() => ID, { nullable: true })
  ownerUserId!: string | null;

  @Field()
  dueOn!: string;

  @Field(() => ActionStatus)
  status!: ActionStatus;

  @Field(() => ActionOrigin)
  origin!: ActionOrigin;
}

@ObjectType('Situation', { description: 'Une situation suivie par la cellule.' })
export class SituationObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  territoryId!: string;

  @Field(() => PersonObject)
  person!: PersonObject;

  @Field(() => PersonIdentityObject, {
    nullable: true,
    description: 'Null quand votre organisation n’a pas accès à l’identité (voir redactedFields).',
  })
  identity!: PersonIdentityObject | null;

  @Field(() => SituationStatus)
  status!: SituationStatus;

  @Field()
  statusLabel!: string;

  @Field()
  openedAt!: Date;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => ClosureReason, { nullable: true })
  closureReason!: ClosureReason | null;

  @Field(() => String, { nullable: true })
  nextReviewOn!: string | null;

  @Field(() => [SituationCircleMemberObject])
  circle!: SituationCircleMemberObject[];

  @Field(() => [SituationEventObject], {
    description: 'Ce que votre relation à la situation vous permet de voir.',
  })
  timeline!: SituationEventObject[];

  @Field(() => [ActionObject])
  actions!: ActionObject[];

  @Field(() => [String], {
    description: 'Champs masqués pour vous, avec leur raison dans la catégorie de donnée.',
  })
  redactedFields!: string[];
}

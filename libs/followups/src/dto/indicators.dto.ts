import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { CmpFollowUpStatus } from '@relais/situations';
import { FollowUpKind, RequesterKind } from '../domain/follow-up.enums';

const { LOGISTIC, HEALTH_SECRET } = DataCategory;
const REDACTED = 'Champs masqués pour vous.';

@ObjectType('FollowUpCount', { description: 'Nombre d’accompagnements d’un type, pour un demandeur.' })
export class FollowUpCountObject {
  @Field(() => FollowUpKind, { description: 'Type d’accompagnement.' })
  @Categorized(LOGISTIC)
  kind!: FollowUpKind;

  @Field(() => RequesterKind, { description: 'Nature du partenaire demandeur.' })
  @Categorized(LOGISTIC)
  requesterKind!: RequesterKind;

  @Field(() => Int, { description: 'Nombre d’accompagnements.' })
  @Categorized(LOGISTIC)
  count!: number;

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

@ObjectType('CmpStatusCount', { description: 'Nombre de relais acceptés pour un état du suivi au CMP.' })
export class CmpStatusCountObject {
  // The whole list is health secret (on its parent): within it, the status is a code.
  @Field(() => CmpFollowUpStatus, { description: 'État du suivi au CMP au moment du relais.' })
  @Categorized(LOGISTIC)
  status!: CmpFollowUpStatus;

  @Field(() => Int, { description: 'Nombre de relais.' })
  @Categorized(LOGISTIC)
  count!: number;

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

/**
 * Figures over the follow-ups one may read. A figure of a category is shown only to a reader who
 * sees that category on every follow-up counted: over one follow-up, a count is that person's data.
 */
@ObjectType('FollowUpTerritoryIndicators', {
  description: 'Chiffres anonymes des accompagnements que vous suivez (tous, pour la coordination).',
})
export class FollowUpTerritoryIndicatorsObject {
  @Field(() => [FollowUpCountObject], { description: 'Accompagnements par type et par demandeur.' })
  @Categorized(LOGISTIC)
  byKindAndRequester!: FollowUpCountObject[];

  @Field(() => Int, { description: 'Nombre d’accompagnements.' })
  @Categorized(LOGISTIC)
  followUps!: number;

  @Field(() => Float, { description: 'Actes par accompagnement, en moyenne.' })
  @Categorized(LOGISTIC)
  actsPerFollowUp!: number;

  @Field(() => Float, { description: 'Part des actes à domicile (0 à 1).' })
  @Categorized(LOGISTIC)
  homeShare!: number;

  @Field(() => Int, { description: 'Nombre de renouvellements.' })
  @Categorized(LOGISTIC)
  renewals!: number;

  @Field(() => Int, { description: 'Nombre de relais acceptés.' })
  @Categorized(LOGISTIC)
  handoffsAccepted!: number;

  @Field(() => [CmpStatusCountObject], {
    nullable: true,
    description:
      'Suivi au CMP au moment des relais acceptés (secret médical : pour qui le lit sur chaque accompagnement compté).',
  })
  @Categorized(HEALTH_SECRET)
  cmpFollowUpAtHandoff!: CmpStatusCountObject[] | null;

  @Field(() => [String], { description: REDACTED })
  redactedFields!: string[];
}

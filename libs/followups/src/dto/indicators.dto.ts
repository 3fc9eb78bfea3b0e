import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { CmpFollowUpStatus } from '@relais/situations';
import { FollowUpKind, RequesterKind } from '../domain/follow-up.enums';

@ObjectType('FollowUpCount')
export class FollowUpCountObject {
  @Field(() => FollowUpKind)
  kind!: FollowUpKind;

  @Field(() => RequesterKind)
  requesterKind!: RequesterKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType('CmpStatusCount')
export class CmpStatusCountObject {
  @Field(() => CmpFollowUpStatus)
  status!: CmpFollowUpStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('FollowUpTerritoryIndicators', {
  description: 'Chiffres anonymes des accompagnements que vous suivez (tous, pour la coordination).',
})
export class FollowUpTerritoryIndicatorsObject {
  @Field(() => [FollowUpCountObject])
  byKindAndRequester!: FollowUpCountObject[];

  @Field(() => Int)
  followUps!: number;

  @Field(() => Float, { description: 'Actes par accompagnement, en moyenne.' })
  actsPerFollowUp!: number;

  @Field(() => Float, { description: 'Part des actes à domicile (0 à 1).' })
  homeShare!: number;

  @Field(() => Int)
  renewals!: number;

  @Field(() => Int)
  handoffsAccepted!: number;

  @Field(() => [CmpStatusCountObject], { description: 'Suivi au CMP au moment des relais acceptés.' })
  cmpFollowUpAtHandoff!: CmpStatusCountObject[];
}

import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { INVALID_ID_MESSAGE } from '@relais/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { MAX_SMALL_COUNT_THRESHOLD, MIN_SMALL_COUNT_THRESHOLD } from '../domain/territory-settings';

@InputType({ description: 'Le seuil des petits effectifs des bilans d’activité du territoire.' })
export class SmallCountThresholdInput {
  @Field(() => ID, { description: 'Le territoire administré.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  territoryId!: string;

  @Field(() => Int, {
    description: `Un effectif non nul inférieur à ce seuil est masqué dans les bilans (de ${MIN_SMALL_COUNT_THRESHOLD} à ${MAX_SMALL_COUNT_THRESHOLD}).`,
  })
  @IsInt({ message: 'Le seuil est un nombre entier.' })
  @Min(MIN_SMALL_COUNT_THRESHOLD, {
    message: `Le seuil des petits effectifs ne peut être inférieur à ${MIN_SMALL_COUNT_THRESHOLD} : en dessous, un effectif masqué se devine.`,
  })
  @Max(MAX_SMALL_COUNT_THRESHOLD, {
    message: `Le seuil des petits effectifs ne peut dépasser ${MAX_SMALL_COUNT_THRESHOLD}.`,
  })
  threshold!: number;
}

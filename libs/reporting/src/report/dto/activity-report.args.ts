import { ArgsType, Field, ID } from '@nestjs/graphql';
import { INVALID_ID_MESSAGE } from '@relais/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * The days themselves are checked by the service (the PDF and the CSV call it too), so every
 * caller gets the same French answers.
 */
@ArgsType()
export class ActivityReportArgs {
  @Field(() => ID, { description: 'Le territoire du bilan.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  territoryId!: string;

  @Field({ description: 'Premier jour de la période, AAAA-MM-JJ (inclus, heure de Paris).' })
  @IsString({ message: 'La date de début est une date AAAA-MM-JJ.' })
  @MaxLength(10, { message: 'La date de début n’est pas une date valide (AAAA-MM-JJ).' })
  from!: string;

  @Field({ description: 'Dernier jour de la période, AAAA-MM-JJ (inclus) ; trois ans au plus.' })
  @IsString({ message: 'La date de fin est une date AAAA-MM-JJ.' })
  @MaxLength(10, { message: 'La date de fin n’est pas une date valide (AAAA-MM-JJ).' })
  to!: string;
}

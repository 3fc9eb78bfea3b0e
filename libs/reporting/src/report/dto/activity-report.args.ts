import { ArgsType, Field, ID } from '@nestjs/graphql';

/** Checked by the service (the renderings call it too), so every caller gets the same French answers. */
@ArgsType()
export class ActivityReportArgs {
  @Field(() => ID, { description: 'Le territoire du bilan.' })
  territoryId!: string;

  @Field({ description: 'Premier jour de la période, AAAA-MM-JJ (inclus, heure de Paris).' })
  from!: string;

  @Field({ description: 'Dernier jour de la période, AAAA-MM-JJ (inclus) ; trois ans au plus.' })
  to!: string;
}

import { ArgsType, Field, Int } from '@nestjs/graphql';
import { AfterCursor, CursorShape } from '@relais/graphql';
import { IsInt, Max, Min, isUUID } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A moment to the microsecond, as Postgres keeps it (a JavaScript date would drop three digits). */
const MICROSECOND_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A position in a follow-up's acts: the act's day, when it was recorded (to the microsecond), its id. */
export const FOLLOW_UP_ACT_CURSOR: CursorShape = [
  (value) => DAY.test(value) && !Number.isNaN(Date.parse(value)),
  (value) => MICROSECOND_INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
  (value) => isUUID(value),
];

/** A page of a follow-up's acts, the most recent first. */
@ArgsType()
export class FollowUpActsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Combien d’actes par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre d’actes est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins un acte.' })
  @Max(100, { message: 'Au plus 100 actes par page.' })
  first!: number;

  @AfterCursor(FOLLOW_UP_ACT_CURSOR)
  after?: string | null;
}

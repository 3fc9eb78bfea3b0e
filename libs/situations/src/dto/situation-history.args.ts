import { ArgsType, Field, Int } from '@nestjs/graphql';
import { AfterCursor, CursorShape } from '@relais/graphql';
import { IsInt, Max, Min, isUUID } from 'class-validator';
import { ACTION_CURSOR } from './organisation-actions.args';

/** A moment to the microsecond, as Postgres keeps it (a JavaScript date would drop three digits). */
const MICROSECOND_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A position in a timeline: when the last line read happened (to the microsecond), and its id. */
export const TIMELINE_CURSOR: CursorShape = [
  (value) => MICROSECOND_INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
  (value) => isUUID(value),
];

/** A page of a situation's timeline, the most recent line first. */
@ArgsType()
export class SituationTimelineArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Combien de lignes par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de lignes est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une ligne.' })
  @Max(100, { message: 'Au plus 100 lignes par page.' })
  first!: number;

  @AfterCursor(TIMELINE_CURSOR)
  after?: string | null;
}

/** A page of a situation's actions, the first due first. */
@ArgsType()
export class SituationActionsArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Combien d’actions par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre d’actions est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une action.' })
  @Max(100, { message: 'Au plus 100 actions par page.' })
  first!: number;

  @AfterCursor(ACTION_CURSOR)
  after?: string | null;
}

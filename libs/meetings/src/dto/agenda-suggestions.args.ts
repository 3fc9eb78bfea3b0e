import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { AfterCursor, CursorShape, INVALID_ID_MESSAGE } from '@relais/graphql';
import { IsInt, IsUUID, Max, Min, isUUID } from 'class-validator';

/** A position in the suggestions: the rank of the last one read (its reason's priority) and its situation. */
export const SUGGESTION_CURSOR: CursorShape = [(value) => /^\d{1,2}$/.test(value), (value) => isUUID(value)];

/** A page of what Relais proposes for a meeting, most pressing first. */
@ArgsType()
export class AgendaSuggestionsArgs {
  @Field(() => ID, { description: 'La séance, dont vous préparez l’ordre du jour.' })
  @IsUUID('all', { message: INVALID_ID_MESSAGE })
  meetingId!: string;

  @Field(() => Int, { defaultValue: 20, description: 'Combien de propositions par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de propositions est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une proposition.' })
  @Max(100, { message: 'Au plus 100 propositions par page.' })
  first!: number;

  @AfterCursor(SUGGESTION_CURSOR)
  after?: string | null;
}

import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { AfterCursor, CursorShape } from '@relais/graphql';
import { IsInt, IsUUID, Max, Min, isISO8601, isUUID } from 'class-validator';

/** A position in the referrals to review: when the last one read was sent, and its id. */
export const REVIEW_CURSOR: CursorShape = [
  (value) => isISO8601(value, { strict: true }),
  (value) => isUUID(value),
];

/** A page of the referrals waiting for the coordination, for « À traiter ». */
@ArgsType()
export class ReferralsToReviewArgs {
  @Field(() => ID, { description: 'Le territoire (CLSM).' })
  @IsUUID('all', { message: "L'identifiant n'est pas valide." })
  territoryId!: string;

  @Field(() => Int, { defaultValue: 10, description: 'Combien de saisines par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de saisines est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une saisine.' })
  @Max(100, { message: 'Au plus 100 saisines par page.' })
  first!: number;

  @AfterCursor(REVIEW_CURSOR)
  after?: string | null;
}

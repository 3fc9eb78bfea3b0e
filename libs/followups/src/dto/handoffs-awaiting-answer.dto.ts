import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { AfterCursor, CursorShape } from '@relais/graphql';
import { IsInt, IsUUID, Max, Min, isISO8601, isUUID } from 'class-validator';

const { LOGISTIC } = DataCategory;

/** A position in the hand-offs awaiting an answer: when the last one read was proposed, and its id. */
export const AWAITING_HANDOFF_CURSOR: CursorShape = [
  (value) => isISO8601(value, { strict: true }),
  (value) => isUUID(value),
];

/**
 * A hand-off still waiting for its receiver's answer, as the coordination follows it: who hands
 * over to whom and since when, named by the case code. Nothing confidential: those fields stay on
 * the hand-off itself, read through `handoffs(situationId)`.
 */
@ObjectType('HandoffAwaitingAnswer', {
  description: 'Un passage de relais proposé, sans réponse de l’organisation qui le reçoit.',
})
export class HandoffAwaitingAnswerObject {
  @Field(() => ID, { description: "L'identifiant du relais." })
  @Categorized(LOGISTIC)
  id!: string;

  @Field(() => ID, { description: 'La situation relayée.' })
  @Categorized(LOGISTIC)
  situationId!: string;

  @Field({ description: 'Le code de la situation de la personne concernée.' })
  @Categorized(LOGISTIC)
  caseCode!: string;

  @Field(() => ID, { nullable: true, description: "L'accompagnement qui passe le relais, le cas échéant." })
  @Categorized(LOGISTIC)
  followUpId!: string | null;

  @Field(() => ID, { description: "L'organisation qui a proposé le relais." })
  @Categorized(LOGISTIC)
  proposedByOrganisationId!: string;

  @Field(() => ID, { description: "L'organisation qui reçoit le relais et doit y répondre." })
  @Categorized(LOGISTIC)
  receivingOrganisationId!: string;

  @Field({ description: 'Quand le relais a été proposé.' })
  @Categorized(LOGISTIC)
  proposedAt!: Date;

  @Field(() => [String], {
    description: 'Les champs masqués pour vous (valeur nulle), selon votre lien à la personne.',
  })
  redactedFields!: string[];
}

@ArgsType()
export class HandoffsAwaitingAnswerArgs {
  @Field(() => ID, { description: 'Le territoire (CLSM).' })
  @IsUUID('all', { message: "L'identifiant n'est pas valide." })
  territoryId!: string;

  @Field(() => Int, { defaultValue: 10, description: 'Combien de relais par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de relais est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins un relais.' })
  @Max(100, { message: 'Au plus 100 relais par page.' })
  first!: number;

  @AfterCursor(AWAITING_HANDOFF_CURSOR)
  after?: string | null;
}

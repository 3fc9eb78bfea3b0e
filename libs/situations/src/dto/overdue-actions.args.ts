import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { AfterCursor } from '@relais/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { ACTION_CURSOR } from './organisation-actions.args';

/** A page of the territory's overdue actions, for the coordination's « À traiter ». */
@ArgsType()
export class OverdueActionsArgs {
  @Field(() => ID, { description: 'Le territoire (CLSM).' })
  @IsUUID('all', { message: "L'identifiant n'est pas valide." })
  territoryId!: string;

  @Field(() => Int, { defaultValue: 10, description: 'Combien d’actions par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre d’actions est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une action.' })
  @Max(100, { message: 'Au plus 100 actions par page.' })
  first!: number;

  @AfterCursor(ACTION_CURSOR)
  after?: string | null;
}

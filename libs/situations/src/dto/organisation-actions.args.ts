import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { isCalendarDate } from '@relais/config';
import { AfterCursor, CursorShape } from '@relais/graphql';
import { ArrayNotEmpty, IsEnum, IsInt, IsOptional, IsUUID, Max, Min, isUUID } from 'class-validator';
import { ActionOrder, ActionStatus } from '../domain/action-status';

/** A position in a list of actions: the due day and the id of the last action read. */
export const ACTION_CURSOR: CursorShape = [isCalendarDate, (value) => isUUID(value)];

@ArgsType()
export class OrganisationActionsArgs {
  @Field(() => ID, { description: 'Le territoire (CLSM).' })
  @IsUUID('all', { message: "L'identifiant n'est pas valide." })
  territoryId!: string;

  @Field(() => Int, { defaultValue: 50, description: 'Combien d’actions par page : de 1 à 200.' })
  @IsInt({ message: 'Le nombre d’actions est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une action.' })
  @Max(200, { message: 'Au plus 200 actions par page.' })
  first!: number;

  @AfterCursor(ACTION_CURSOR)
  after?: string | null;

  @Field(() => [ActionStatus], {
    nullable: true,
    description: 'Seulement les actions dans ces états ; absent : toutes.',
  })
  @IsOptional()
  @ArrayNotEmpty({ message: 'Choisissez au moins un état, ou ne filtrez pas.' })
  @IsEnum(ActionStatus, { each: true, message: "Un des états d'action est inconnu." })
  status?: ActionStatus[] | null;

  @Field(() => ActionOrder, {
    defaultValue: ActionOrder.SOONEST_DUE_FIRST,
    description: 'L’ordre de la liste : par échéance, puis par identifiant.',
  })
  @IsEnum(ActionOrder, { message: "L'ordre demandé est inconnu." })
  order!: ActionOrder;
}

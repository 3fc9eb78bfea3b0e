import { Field, ID, InputType } from '@nestjs/graphql';
import { fromToday, LocalDate, MultilineText } from '@relais/graphql';
import { IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { ActionStatus } from '../domain/action-status';

@InputType({ description: 'Où en est une action : état, échéance, résultat.' })
export class UpdateActionInput {
  @Field(() => ID, { description: "L'action à mettre à jour." })
  @IsUUID('4', { message: "L'identifiant n'est pas valide." })
  actionId!: string;

  @Field(() => ActionStatus, { description: "Le nouvel état de l'action." })
  @IsEnum(ActionStatus, { message: "L'état de l'action est inconnu." })
  status!: ActionStatus;

  @Field(() => String, { nullable: true, description: 'Nouvelle échéance (AAAA-MM-JJ, dans les 5 ans).' })
  @IsOptional()
  @LocalDate({ earliest: fromToday({ years: -1 }), latest: fromToday({ years: 5 }) })
  dueOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Résultat, sans donnée de santé ; absent ou null : le résultat déjà noté est gardé ; vide : il est effacé.',
  })
  @IsOptional()
  @MultilineText()
  @MaxLength(1000, { message: 'Au plus 1 000 caractères.' })
  outcome?: string | null;
}

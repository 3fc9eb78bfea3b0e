import { Field, ID, InputType } from '@nestjs/graphql';
import { Trimmed } from '@relais/graphql';
import { IsEnum, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { ActionStatus } from '../domain/action-status';

@InputType({ description: 'Où en est une action : état, échéance, résultat.' })
export class UpdateActionInput {
  @Field(() => ID)
  @IsUUID('4', { message: "L'identifiant n'est pas valide." })
  actionId!: string;

  @Field(() => ActionStatus)
  @IsEnum(ActionStatus, { message: "L'état de l'action est inconnu." })
  status!: ActionStatus;

  @Field(() => String, { nullable: true, description: 'Nouvelle échéance (AAAA-MM-JJ).' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Écrivez la date au format AAAA-MM-JJ.' })
  dueOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Résultat, sans donnée de santé.' })
  @IsOptional()
  @Trimmed()
  @MaxLength(1000, { message: 'Au plus 1 000 caractères.' })
  outcome?: string | null;
}

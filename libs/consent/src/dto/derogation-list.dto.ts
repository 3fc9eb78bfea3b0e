import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { AfterCursor, CountedConnectionType, CursorShape, INVALID_ID_MESSAGE } from '@relais/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min, isUUID } from 'class-validator';
import { DerogationStatus } from '../domain/consent.enums';
import { DerogationObject } from './consent.dto';

/**
 * A position in a list of derogations: when the last one read was asked for, to the microsecond as
 * Postgres keeps it, and its id.
 */
export const DEROGATION_CURSOR: CursorShape = [
  (value) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value) && !Number.isNaN(Date.parse(value)),
  (value) => isUUID(value),
];

/** A page of the territory's derogations: those awaiting approval oldest first, the others newest first. */
@ArgsType()
export class DerogationsArgs {
  @Field(() => ID, { description: 'Le territoire (CLSM).' })
  @IsUUID('all', { message: INVALID_ID_MESSAGE })
  territoryId!: string;

  @Field(() => DerogationStatus, {
    nullable: true,
    description:
      'Seulement les dérogations dans cet état ; null : toutes. En attente : la plus ancienne d’abord ; sinon la plus récente d’abord.',
  })
  @IsOptional()
  @IsEnum(DerogationStatus, { message: 'Cet état de dérogation est inconnu.' })
  status?: DerogationStatus | null;

  @Field(() => Int, { defaultValue: 20, description: 'Combien de dérogations par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de dérogations est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une dérogation.' })
  @Max(100, { message: 'Au plus 100 dérogations par page.' })
  first!: number;

  @AfterCursor(DEROGATION_CURSOR)
  after?: string | null;
}

export const DerogationConnection = CountedConnectionType(DerogationObject, {
  name: 'Derogation',
  description: 'Une page de dérogations, et ce qui la suit.',
  nodeDescription: 'Une dérogation',
});

import { ArgsType, Field, ID, Int, registerEnumType } from '@nestjs/graphql';
import { AfterCursor, CursorShape, INVALID_ID_MESSAGE } from '@relais/graphql';
import { IsEnum, IsInt, IsUUID, Max, Min, isUUID } from 'class-validator';

/** Which meetings a page lists: those to come, soonest first, or those held or gone by, latest first. */
export enum MeetingPeriod {
  UPCOMING = 'UPCOMING',
  PAST = 'PAST',
}

registerEnumType(MeetingPeriod, {
  name: 'MeetingPeriod',
  description: 'Les séances à venir ou passées.',
  valuesMap: {
    UPCOMING: {
      description: 'À venir, ou en cours et pas encore dites tenues : la plus proche d’abord.',
    },
    PAST: { description: 'Tenues, ou dont l’heure de fin est passée : la plus récente d’abord.' },
  },
});

/** A position in a list of meetings: the start (ISO 8601) and the id of the last meeting read. */
export const MEETING_CURSOR: CursorShape = [
  (value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value),
  (value) => isUUID(value),
];

@ArgsType()
export class MeetingsArgs {
  @Field(() => ID, { description: 'Le territoire (CLSM).' })
  @IsUUID('all', { message: INVALID_ID_MESSAGE })
  territoryId!: string;

  @Field(() => MeetingPeriod, {
    defaultValue: MeetingPeriod.UPCOMING,
    description: 'Les séances à venir (par défaut) ou passées.',
  })
  @IsEnum(MeetingPeriod, { message: 'La période demandée est inconnue.' })
  period!: MeetingPeriod;

  @Field(() => Int, { defaultValue: 20, description: 'Combien de séances par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de séances est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une séance.' })
  @Max(100, { message: 'Au plus 100 séances par page.' })
  first!: number;

  @AfterCursor(MEETING_CURSOR)
  after?: string | null;
}

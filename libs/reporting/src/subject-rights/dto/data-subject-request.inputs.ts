import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  AfterCursor,
  CursorShape,
  fromToday,
  INVALID_ID_MESSAGE,
  LocalDate,
  MultilineText,
} from '@relais/graphql';
import { IsEnum, IsIn, IsInt, IsOptional, IsUUID, Length, Max, Min, isUUID } from 'class-validator';
import { DataSubjectRequestKind, DataSubjectRequestStatus } from '../domain/data-subject-request.enums';

@InputType({ description: 'Une demande de la personne sur ses données, telle qu’elle est parvenue.' })
export class RecordDataSubjectRequestInput {
  @Field(() => ID, { description: 'Le territoire (CLSM).' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  territoryId!: string;

  @Field(() => ID, { description: 'La personne concernée.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  personId!: string;

  @Field(() => DataSubjectRequestKind, { description: 'Le droit exercé.' })
  @IsEnum(DataSubjectRequestKind, { message: 'Ce droit est inconnu.' })
  kind!: DataSubjectRequestKind;

  @Field({
    description: 'Le jour où la demande est parvenue (AAAA-MM-JJ), passé (un an au plus) ou aujourd’hui.',
  })
  @LocalDate({
    earliest: fromToday({ years: -1 }),
    latest: fromToday(),
    message: 'La date de réception doit être passée ou aujourd’hui, et dater de moins d’un an.',
  })
  receivedOn!: string;

  @Field({ description: 'Ce que la personne demande, en quelques lignes (confidentiel).' })
  @MultilineText()
  @Length(3, 2000, { message: 'Décrivez la demande en 3 à 2 000 caractères.' })
  request!: string;
}

@InputType({ description: 'La réponse faite à une demande de la personne.' })
export class AnswerDataSubjectRequestInput {
  @Field(() => ID, { description: 'La demande.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  requestId!: string;

  @Field(() => DataSubjectRequestStatus, {
    description: 'La réponse : DONE (satisfaite) ou REFUSED (refusée, avec son motif).',
  })
  @IsIn([DataSubjectRequestStatus.DONE, DataSubjectRequestStatus.REFUSED], {
    message: 'Répondez par « satisfaite » ou « refusée ».',
  })
  status!: DataSubjectRequestStatus;

  @Field({ description: 'Ce qui a été fait, ou le motif du refus (confidentiel).' })
  @MultilineText()
  @Length(3, 2000, { message: 'Décrivez la réponse en 3 à 2 000 caractères.' })
  outcome!: string;
}

/** A position in the requests: the day received, then the id. */
export const DATA_SUBJECT_REQUEST_CURSOR: CursorShape = [
  (value) => /^\d{4}-\d{2}-\d{2}$/.test(value),
  (value) => isUUID(value),
];

@ArgsType()
export class DataSubjectRequestsArgs {
  @Field(() => ID, { description: 'Le territoire (CLSM).' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  territoryId!: string;

  @Field(() => ID, { nullable: true, description: 'Une personne seulement ; absent, tout le territoire.' })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  personId?: string | null;

  @Field(() => Int, { defaultValue: 20, description: 'Combien de demandes par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de demandes est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une demande.' })
  @Max(100, { message: 'Au plus 100 demandes par page.' })
  first!: number;

  @AfterCursor(DATA_SUBJECT_REQUEST_CURSOR)
  after?: string | null;
}

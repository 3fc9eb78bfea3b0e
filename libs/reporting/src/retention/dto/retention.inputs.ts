import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { AfterCursor, CursorShape } from '@relais/graphql';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  isUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { LegalHoldScope } from '../entities';

@InputType({ description: 'Les durées de conservation choisies par le territoire.' })
export class UpdateRetentionPolicyInput {
  @Field(() => ID, { description: 'Le territoire.' })
  @IsUUID('all', { message: "L'identifiant du territoire n'est pas valide." })
  territoryId!: string;

  @Field(() => Int, {
    description: 'Mois en base active après le dernier contact : de 12 à 60 (24 par défaut).',
  })
  @IsInt({ message: 'Un nombre entier de mois.' })
  activeMonths!: number;

  @Field(() => Int, { description: 'Mois d’archivage avant l’anonymisation : de 12 à 120 (60 par défaut).' })
  @IsInt({ message: 'Un nombre entier de mois.' })
  archiveMonths!: number;

  @Field(() => Int, { description: 'Mois de conservation du journal d’audit : de 6 à 24 (12 par défaut).' })
  @IsInt({ message: 'Un nombre entier de mois.' })
  auditMonths!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Pourquoi le territoire s’écarte des durées par défaut (exigé dans ce cas).',
  })
  @IsOptional()
  @IsString({ message: 'Écrivez la justification.' })
  @MaxLength(2000, { message: 'Au plus 2 000 caractères.' })
  justification?: string | null;
}

@InputType({ description: 'Un gel juridique à poser.' })
export class PlaceLegalHoldInput {
  @Field(() => ID, { description: 'Le territoire.' })
  @IsUUID('all', { message: "L'identifiant du territoire n'est pas valide." })
  territoryId!: string;

  @Field(() => LegalHoldScope, { description: 'Ce qu’il protège : une situation, ou le journal d’audit.' })
  @IsEnum(LegalHoldScope, { message: 'Choisissez ce que le gel protège.' })
  scope!: LegalHoldScope;

  @Field(() => ID, { nullable: true, description: 'La situation protégée (gel sur une situation).' })
  @IsOptional()
  @IsUUID('all', { message: "L'identifiant de la situation n'est pas valide." })
  situationId?: string | null;

  @Field({ description: 'Le motif : la référence d’une procédure, jamais un texte sur la personne.' })
  @IsString({ message: 'Écrivez le motif.' })
  @MinLength(3, { message: 'Indiquez le motif du gel.' })
  @MaxLength(500, { message: 'Au plus 500 caractères.' })
  reason!: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A position in the archive: the archiving instant (microseconds) and the id. */
export const ARCHIVED_SITUATION_CURSOR: CursorShape = [
  (value) => INSTANT.test(value),
  (value) => isUUID(value),
];

@ArgsType()
export class ArchivedSituationsArgs {
  @Field(() => ID, { description: 'Le territoire (CLSM).' })
  @IsUUID('all', { message: "L'identifiant n'est pas valide." })
  territoryId!: string;

  @Field(() => Int, { defaultValue: 25, description: 'Combien de situations par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de situations est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une situation.' })
  @Max(100, { message: 'Au plus 100 situations par page.' })
  first!: number;

  @AfterCursor(ARCHIVED_SITUATION_CURSOR, { maxLength: 300 })
  after?: string | null;
}

import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { isCalendarDate } from '@relais/config';
import { AfterCursor, CursorShape, LocalDate } from '@relais/graphql';
import { ReferrerKind } from '@relais/identity';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  isUUID,
} from 'class-validator';
import { SituationStatus } from '../domain/situation-status';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * A position in the list of situations: the review day (a far day when none is planned, so they
 * come last), the exact opening instant (microseconds, as Postgres keeps it) and the id.
 */
export const SITUATION_CURSOR: CursorShape = [
  isCalendarDate,
  (value) => INSTANT.test(value),
  (value) => isUUID(value),
];

@InputType({ description: 'Les critères de la liste des situations ; chacun absent ne filtre pas.' })
export class SituationFilterInput {
  @Field(() => [SituationStatus], {
    nullable: true,
    description: 'Seulement les situations dans ces états ; absent : toutes, closes comprises.',
  })
  @IsOptional()
  @ArrayNotEmpty({ message: 'Choisissez au moins un état, ou ne filtrez pas.' })
  @IsEnum(SituationStatus, { each: true, message: 'Un des états de situation est inconnu.' })
  statuses?: SituationStatus[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Seulement les personnes de ce quartier ou de cette commune (sans tenir compte des majuscules).',
  })
  @IsOptional()
  @IsString({ message: 'Écrivez le nom du quartier.' })
  @MaxLength(100, { message: 'Au plus 100 caractères.' })
  district?: string | null;

  @Field(() => [ReferrerKind], {
    nullable: true,
    description: 'Seulement les situations dont une saisine vient d’un partenaire de ces natures.',
  })
  @IsOptional()
  @ArrayNotEmpty({ message: 'Choisissez au moins une nature de partenaire, ou ne filtrez pas.' })
  @IsEnum(ReferrerKind, { each: true, message: 'Une des natures de partenaire est inconnue.' })
  referrerKinds?: ReferrerKind[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Réexamen dû au plus tard ce jour (AAAA-MM-JJ) : les situations ouvertes dont la prochaine révision tombe ce jour ou avant, et celles déjà « à réexaminer ». Avec la date du jour : les réexamens en attente.',
  })
  @IsOptional()
  @LocalDate()
  reviewDueBy?: string | null;
}

@ArgsType()
export class SituationsArgs {
  @Field(() => ID, { description: 'Le territoire (CLSM).' })
  @IsUUID('all', { message: "L'identifiant n'est pas valide." })
  territoryId!: string;

  @Field(() => SituationFilterInput, { nullable: true, description: 'Les critères ; absent : toutes.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SituationFilterInput)
  filter?: SituationFilterInput | null;

  @Field(() => Int, { defaultValue: 25, description: 'Combien de situations par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de situations est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une situation.' })
  @Max(100, { message: 'Au plus 100 situations par page.' })
  first!: number;

  @AfterCursor(SITUATION_CURSOR, { maxLength: 300 })
  after?: string | null;
}

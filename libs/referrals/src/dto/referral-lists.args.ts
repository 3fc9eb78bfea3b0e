import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { AfterCursor, CursorShape, INVALID_ID_MESSAGE } from '@relais/graphql';
import { CASE_CODE_PATTERN } from '@relais/situations';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  isUUID,
} from 'class-validator';
import { ReferralStatus } from '../domain/referral-status';

/**
 * A position in a list of referrals, newest first: when the last one read was created, to the
 * microsecond as Postgres keeps it (a millisecond cursor would skip rows of the same millisecond),
 * and its id.
 */
export const CREATED_CURSOR: CursorShape = [
  (value) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value) && !Number.isNaN(Date.parse(value)),
  (value) => isUUID(value),
];

/** The page size and position shared by the referral lists. */
@ArgsType()
export class ReferralPageArgs {
  @Field(() => ID, { description: 'Le territoire (CLSM).' })
  @IsUUID('all', { message: INVALID_ID_MESSAGE })
  territoryId!: string;

  @Field(() => Int, { defaultValue: 20, description: 'Combien de saisines par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de saisines est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une saisine.' })
  @Max(100, { message: 'Au plus 100 saisines par page.' })
  first!: number;

  @AfterCursor(CREATED_CURSOR)
  after?: string | null;
}

/** A page of the territory's referrals, the most recently created first. */
@ArgsType()
export class ReferralsArgs extends ReferralPageArgs {
  @Field(() => ReferralStatus, {
    nullable: true,
    description: 'Seulement les saisines dans cet état ; null : toutes.',
  })
  @IsOptional()
  @IsEnum(ReferralStatus, { message: 'Cet état de saisine est inconnu.' })
  status?: ReferralStatus | null;
}

/** A page of « Mes saisines », the most recently created first, or the one referral asked for. */
@ArgsType()
export class MyOrganisationReferralsArgs extends ReferralPageArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      'Seulement cette saisine (la page d’une saisine) ; absent : toutes celles de mon organisation.',
  })
  @IsOptional()
  @IsUUID('all', { message: INVALID_ID_MESSAGE })
  referralId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Seulement les saisines des personnes qui portent ces codes (100 au plus) : celles dont « Mes actions » affiche les actions ; absent : toutes.',
  })
  @IsOptional()
  @IsArray({ message: 'Donnez une liste de codes de situation.' })
  @ArrayMaxSize(100, { message: 'Au plus 100 codes de situation à la fois.' })
  @Matches(CASE_CODE_PATTERN, {
    each: true,
    message: 'Ce code de situation n’est pas valide (ex. : 4XK-RQK).',
  })
  caseCodes?: string[] | null;
}

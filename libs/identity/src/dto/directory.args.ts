import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { CursorShape, INVALID_ID_MESSAGE, IsCursor } from '@relais/graphql';
import { IsInt, IsOptional, IsUUID, Max, MaxLength, Min, isUUID } from 'class-validator';

const isName = (value: string) => value.length <= 300;

/** A position among the partners: the name of the last one read, and its id. */
export const ORGANISATION_CURSOR: CursorShape = [isName, (value) => isUUID(value)];
/** A position in the directory: the last member's last and first names, and their membership's id. */
export const MEMBER_CURSOR: CursorShape = [isName, isName, (value) => isUUID(value)];

const AFTER_DESCRIPTION =
  'Pour la page suivante : le endCursor de la page reçue ; absent, la liste commence au début.';
const INVALID_CURSOR = 'Ce curseur n’est pas valide : reprenez la liste depuis le début.';

/** A page of the territory's partners, in alphabetical order. */
@ArgsType()
export class OrganisationsArgs {
  @Field(() => ID, { description: 'Le territoire.' })
  @IsUUID('all', { message: INVALID_ID_MESSAGE })
  territoryId!: string;

  @Field(() => Int, { defaultValue: 50, description: 'Combien de partenaires par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de partenaires est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins un partenaire.' })
  @Max(100, { message: 'Au plus 100 partenaires par page.' })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  @IsOptional()
  @MaxLength(1000, { message: INVALID_CURSOR })
  @IsCursor(ORGANISATION_CURSOR)
  after?: string | null;
}

/** A page of the territory's directory, by last name then first name. */
@ArgsType()
export class TerritoryMembersArgs {
  @Field(() => ID, { description: 'Le territoire.' })
  @IsUUID('all', { message: INVALID_ID_MESSAGE })
  territoryId!: string;

  @Field(() => Int, { defaultValue: 50, description: 'Combien de membres par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de membres est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins un membre.' })
  @Max(100, { message: 'Au plus 100 membres par page.' })
  first!: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  @IsOptional()
  @MaxLength(1000, { message: INVALID_CURSOR })
  @IsCursor(MEMBER_CURSOR)
  after?: string | null;
}

import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { AfterCursor, CursorShape, INVALID_ID_MESSAGE } from '@relais/graphql';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  isUUID,
} from 'class-validator';

const isName = (value: string) => value.length <= 300;

/** A position among the partners: the name of the last one read, and its id. */
export const ORGANISATION_CURSOR: CursorShape = [isName, (value) => isUUID(value)];
/** A position in the directory: the last member's last and first names, and their membership's id. */
export const MEMBER_CURSOR: CursorShape = [isName, isName, (value) => isUUID(value)];

/** Only the given ids: a page asks for the names of what it shows. */
function IdsFilter(only: string, tooMany: string): PropertyDecorator {
  return applyDecorators(
    Field(() => [ID], {
      nullable: true,
      description: `${only} (100 au plus) : pour nommer ceux qu’une page montre. Un identifiant inconnu ou illisible pour vous est ignoré.`,
    }),
    IsOptional(),
    ArrayMaxSize(100, { message: tooMany }),
    IsUUID('all', { each: true, message: INVALID_ID_MESSAGE }),
  );
}

/** Part of a name, as a person types it in a picker (see `name-search.ts`). */
function NameSearch(only: string): PropertyDecorator {
  return applyDecorators(
    Field(() => String, {
      nullable: true,
      description: `${only}, sans tenir compte des majuscules ni des accents.`,
    }),
    IsOptional(),
    IsString({ message: 'La recherche est un texte.' }),
    MaxLength(100, { message: 'La recherche tient en 100 caractères.' }),
  );
}

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

  @AfterCursor(ORGANISATION_CURSOR, { maxLength: 1000 })
  after?: string | null;

  @IdsFilter('Seulement ces partenaires', 'Au plus 100 partenaires à la fois.')
  ids?: string[] | null;

  @NameSearch('Seulement les partenaires dont le nom contient ce texte')
  search?: string | null;
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

  @AfterCursor(MEMBER_CURSOR, { maxLength: 1000 })
  after?: string | null;

  @IdsFilter('Seulement les membres ayant ces comptes', 'Au plus 100 membres à la fois.')
  userIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Seulement les professionnels de ces partenaires (100 au plus) : ceux d’un partenaire invité, ou d’un partenaire choisi.',
  })
  @IsOptional()
  @ArrayMaxSize(100, { message: 'Au plus 100 partenaires à la fois.' })
  @IsUUID('all', { each: true, message: INVALID_ID_MESSAGE })
  organisationIds?: string[] | null;

  @NameSearch('Seulement les membres dont le nom ou le prénom contient ce texte')
  search?: string | null;
}

import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { CursorShape, IsCursor } from '@relais/graphql';
import { OrganisationKind } from '@relais/identity';
import { HandoffStatus } from '@relais/situations';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min, isUUID } from 'class-validator';

const { LOGISTIC } = DataCategory;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => DAY.test(value);
const INVALID_ID = "L'identifiant n'est pas valide.";
const CURSOR_TOO_LONG = 'Ce curseur n’est pas valide : reprenez la liste depuis le début.';

/** A position in « my follow-ups »: ended or not (0/1), the planned end, the id. */
export const MY_FOLLOW_UP_CURSOR: CursorShape = [(value) => value === '0' || value === '1', isDay, isUUID];
/** A position in a situation's follow-ups: the start, the id (most recent first). */
export const SITUATION_FOLLOW_UP_CURSOR: CursorShape = [isDay, isUUID];
/** A position in the incoming hand-offs: answered or not (0/1), the sort moment in ms, the id. */
export const INCOMING_HANDOFF_CURSOR: CursorShape = [
  (value) => value === '0' || value === '1',
  (value) => /^-?\d{1,16}$/.test(value),
  isUUID,
];
/** A position in the possible recipients of a hand-off: the name (at most 200 characters), the id. */
export const HANDOFF_RECIPIENT_CURSOR: CursorShape = [(value) => value.length <= 200, isUUID];

/** An `after` argument of one of these lists: optional, and refused in French unless it is one of its cursors. */
function AfterCursor(shape: CursorShape): PropertyDecorator {
  return applyDecorators(
    Field(() => String, {
      nullable: true,
      description:
        'Pour la page suivante : le endCursor de la page reçue ; absent, la liste commence au début.',
    }),
    IsOptional(),
    MaxLength(2000, { message: CURSOR_TOO_LONG }),
    IsCursor(shape),
  );
}

@ArgsType()
class PageArgs {
  @Field(() => Int, { defaultValue: 10, description: 'Combien d’éléments par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre d’éléments est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins un élément.' })
  @Max(100, { message: 'Au plus 100 éléments par page.' })
  first!: number;
}

@ArgsType()
export class MyFollowUpsArgs extends PageArgs {
  @AfterCursor(MY_FOLLOW_UP_CURSOR)
  after?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Inclure les accompagnements terminés (après ceux en cours).',
  })
  @IsBoolean({ message: 'Indiquez oui ou non.' })
  includeEnded!: boolean;
}

@ArgsType()
export class SituationFollowUpsArgs extends PageArgs {
  @Field(() => ID, { description: 'La situation.' })
  @IsUUID('all', { message: INVALID_ID })
  situationId!: string;

  @AfterCursor(SITUATION_FOLLOW_UP_CURSOR)
  after?: string | null;
}

@ArgsType()
export class IncomingHandoffsArgs extends PageArgs {
  @Field(() => HandoffStatus, {
    nullable: true,
    description: 'Seulement les relais dans cet état ; absent, tous (les proposés d’abord).',
  })
  @IsOptional()
  @IsEnum(HandoffStatus, { message: "Cet état de relais n'existe pas." })
  status?: HandoffStatus | null;

  @AfterCursor(INCOMING_HANDOFF_CURSOR)
  after?: string | null;
}

@ArgsType()
export class HandoffRecipientsArgs extends PageArgs {
  @Field(() => ID, { description: 'La situation à relayer.' })
  @IsUUID('all', { message: INVALID_ID })
  situationId!: string;

  @AfterCursor(HANDOFF_RECIPIENT_CURSOR)
  after?: string | null;
}

/**
 * A partner of the territory a hand-off could go to, and whether the person's consent in force
 * names it for hand-offs: the same check `proposeHandoff` makes, told before proposing.
 */
@ObjectType('HandoffRecipient', {
  description:
    'Un partenaire du territoire, et si le consentement de la personne permet de lui passer le relais.',
})
export class HandoffRecipientObject {
  @Field(() => ID, { description: "L'organisation partenaire." })
  @Categorized(LOGISTIC)
  organisationId!: string;

  @Field({ description: 'Son nom.' })
  @Categorized(LOGISTIC)
  name!: string;

  @Field(() => OrganisationKind, { description: 'Son type.' })
  @Categorized(LOGISTIC)
  kind!: OrganisationKind;

  @Field({
    description:
      'Vrai quand le consentement en vigueur de la personne nomme ce partenaire (ou son type) pour un passage de relais.',
  })
  @Categorized(LOGISTIC)
  allowed!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Pourquoi le relais n’est pas possible, le cas échéant.',
  })
  @Categorized(LOGISTIC)
  reason!: string | null;

  @Field(() => [String], {
    description: 'Les champs masqués pour vous (valeur nulle), selon votre lien à la personne.',
  })
  redactedFields!: string[];
}

import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { INVALID_ID_MESSAGE } from '@relais/graphql';
import { IsUUID } from 'class-validator';

const { LOGISTIC, IDENTITY } = DataCategory;

@InputType({ description: "Le point de l'ordre du jour dont la personne est nommée devant la salle." })
export class RevealIdentityInput {
  @Field(() => ID, { description: "Le point, d'une séance en cours (ordre du jour publié ou séance tenue)." })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  itemId!: string;
}

/**
 * The identity shown to the room for one item, for a limited time: only what recognising the
 * person needs (names, birth date — not her address or phone), through the field gate like every
 * other object about a person.
 */
@ObjectType('MeetingIdentityReveal', {
  description:
    'Identité de la personne dévoilée en séance pour un point, à afficher jusqu’à visibleUntil seulement.',
})
export class IdentityRevealObject {
  @Field(() => ID, { description: "Le point de l'ordre du jour." })
  @Categorized(LOGISTIC)
  itemId!: string;

  @Field({ description: 'Code de la situation, sous lequel la personne est désignée le reste du temps.' })
  @Categorized(LOGISTIC)
  caseCode!: string;

  @Field(() => String, { nullable: true, description: 'Nom de famille.' })
  @Categorized(IDENTITY)
  lastName!: string | null;

  @Field(() => String, { nullable: true, description: 'Prénom.' })
  @Categorized(IDENTITY)
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Date de naissance (AAAA-MM-JJ).' })
  @Categorized(IDENTITY)
  birthDate!: string | null;

  @Field({ description: "Jusqu'à quand l'identité peut rester affichée ; ensuite, le code seul." })
  @Categorized(LOGISTIC)
  visibleUntil!: Date;

  // The screen counts down from the answer's arrival: a projector's clock may be minutes off the api's.
  @Field(() => Int, {
    description:
      "Combien de secondes l'identité peut rester affichée à compter de cette réponse (le même terme que visibleUntil, sans dépendre de l'horloge de l'écran).",
  })
  @Categorized(LOGISTIC)
  visibleSeconds!: number;

  @Field(() => [String], {
    description: 'Champs masqués pour vous (leur valeur est null), qu’ils soient renseignés ou non.',
  })
  redactedFields!: string[];
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { ReferrerKind } from '@relais/identity';
import { SituationStatus } from '../domain/situation-status';
import { PersonObject } from './situation.objects';

const { LOGISTIC } = DataCategory;

/** A situation as a line of the list: nothing but logistics, so a list reads no identity. */
@ObjectType('SituationSummary', {
  description: 'Une situation dans la liste : code, pseudonyme, état, prochaine révision et ce qui suit.',
})
export class SituationSummaryObject {
  @Field(() => ID, { description: 'Identifiant de la situation.' })
  @Categorized(LOGISTIC)
  id!: string;

  @Field(() => ID, { description: 'Le territoire.' })
  @Categorized(LOGISTIC)
  territoryId!: string;

  @Field(() => PersonObject, { description: 'Code de situation et pseudonyme, jamais l’identité.' })
  @Categorized(LOGISTIC)
  person!: PersonObject;

  @Field(() => SituationStatus, { description: 'Où en est la situation.' })
  @Categorized(LOGISTIC)
  status!: SituationStatus;

  @Field({ description: 'Le statut, en français.' })
  @Categorized(LOGISTIC)
  statusLabel!: string;

  @Field({ description: 'Date d’ouverture.' })
  @Categorized(LOGISTIC)
  openedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Prochaine révision prévue (AAAA-MM-JJ).' })
  @Categorized(LOGISTIC)
  nextReviewOn!: string | null;

  // Told as a kind, never a name: the same words as the referral's (a CMP would disclose care).
  @Field(() => [ReferrerKind], {
    description: 'La nature des partenaires qui ont saisi la cellule pour cette situation.',
  })
  @Categorized(LOGISTIC)
  referrerKinds!: ReferrerKind[];

  @Field(() => Int, {
    description: 'Les actions ouvertes (à faire, en cours, bloquées) que vous pouvez voir.',
  })
  @Categorized(LOGISTIC)
  openActionCount!: number;

  @Field(() => String, {
    nullable: true,
    description: 'L’échéance la plus proche de ces actions ouvertes (AAAA-MM-JJ) ; null sans action ouverte.',
  })
  @Categorized(LOGISTIC)
  nextActionDueOn!: string | null;

  @Field({ description: 'Ce qui suit, en français (« À inscrire à l’ordre du jour d’une séance. »).' })
  @Categorized(LOGISTIC)
  nextStep!: string;

  @Field(() => [String], {
    description: 'Champs masqués pour vous (leur valeur est null), qu’ils soient renseignés ou non.',
  })
  redactedFields!: string[];
}

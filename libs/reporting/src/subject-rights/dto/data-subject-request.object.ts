import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { DataSubjectRequestKind, DataSubjectRequestStatus } from '../domain/data-subject-request.enums';

const { LOGISTIC, SOCIAL_CONFIDENTIAL } = DataCategory;

@ObjectType('DataSubjectRequest', {
  description:
    'Une demande de la personne sur ses données (accès, rectification, opposition, effacement, limitation).',
})
export class DataSubjectRequestObject {
  @Field(() => ID, { description: "L'identifiant de la demande." })
  @Categorized(LOGISTIC)
  id!: string;

  @Field(() => ID, { description: 'Le territoire.' })
  @Categorized(LOGISTIC)
  territoryId!: string;

  @Field(() => ID, { description: 'La personne concernée.' })
  @Categorized(LOGISTIC)
  personId!: string;

  @Field(() => DataSubjectRequestKind, { description: 'Le droit exercé.' })
  @Categorized(LOGISTIC)
  kind!: DataSubjectRequestKind;

  @Field({ description: 'Le jour où la demande est parvenue (AAAA-MM-JJ).' })
  @Categorized(LOGISTIC)
  receivedOn!: string;

  @Field({
    description: 'Le jour limite de la réponse : un mois après réception (article 12.3 du RGPD), AAAA-MM-JJ.',
  })
  @Categorized(LOGISTIC)
  answerBy!: string;

  @Field(() => String, { nullable: true, description: 'Ce que la personne a demandé (confidentiel).' })
  @Categorized(SOCIAL_CONFIDENTIAL)
  request!: string | null;

  @Field(() => DataSubjectRequestStatus, { description: 'Où en est la demande.' })
  @Categorized(LOGISTIC)
  status!: DataSubjectRequestStatus;

  @Field(() => String, {
    nullable: true,
    description: 'La réponse : ce qui a été fait, ou le motif du refus (confidentiel).',
  })
  @Categorized(SOCIAL_CONFIDENTIAL)
  outcome!: string | null;

  @Field(() => String, { nullable: true, description: 'Le jour de la réponse (AAAA-MM-JJ).' })
  @Categorized(LOGISTIC)
  answeredOn!: string | null;

  @Field(() => ID, { nullable: true, description: 'Qui a répondu.' })
  @Categorized(LOGISTIC)
  answeredByUserId!: string | null;

  @Field({ description: 'Quand la demande a été enregistrée.' })
  @Categorized(LOGISTIC)
  recordedAt!: Date;

  @Field(() => [String], {
    description: 'Les champs masqués pour vous (valeur nulle), selon votre lien à la personne.',
  })
  redactedFields!: string[];
}

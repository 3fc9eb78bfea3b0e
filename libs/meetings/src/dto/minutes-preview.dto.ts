import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DataCategory, SharingCategory } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { MinutesObject } from './minutes.dto';

@ObjectType('MinutesPreview', {
  description:
    'Le compte rendu tel qu’un membre de ce partenaire le lira, calculé par le serveur exactement comme pour lui, dans la limite de ce que vous lisez vous-même (réservé à la coordination).',
})
export class MinutesPreviewObject {
  @Field(() => ID, { description: 'Le partenaire.' })
  organisationId!: string;

  @Field({ description: 'Son nom.' })
  organisationName!: string;

  @Field(() => OrganisationKind, { description: 'Sa nature.' })
  organisationKind!: OrganisationKind;

  @Field(() => Profession, {
    nullable: true,
    description:
      'La profession du membre dont la lecture est montrée : celui du partenaire présent au plus grand nombre de points (à défaut, un membre actif) ; null : le partenaire n’a aucun membre actif.',
  })
  readerProfession!: Profession | null;

  @Field(() => SharingCategory, {
    nullable: true,
    description: 'Sa catégorie de partage, qui borne ce qu’il lit ; null : aucun membre actif.',
  })
  readerSharingCategory!: SharingCategory | null;

  @Field(() => MinutesObject, {
    nullable: true,
    description:
      'Le compte rendu qu’il lira, sans ce que vous ne pouvez pas lire vous-même (une note couverte par le secret médical si vous n’êtes pas professionnel·le de santé) ; null : il ne le lira pas (ni invité à la séance, ni membre de la cellule, ou aucun membre actif).',
  })
  minutes!: MinutesObject | null;
}

@ObjectType('RestrictedNoteChoice', {
  description:
    'Un point de la séance où vous pouvez ajouter une note réservée, et ce que vous pouvez y écrire.',
})
export class RestrictedNoteChoiceObject {
  @Field(() => ID, { description: 'Le point de l’ordre du jour.' })
  itemId!: string;

  @Field(() => [DataCategory], {
    description:
      'Les catégories de note permises sur ce point : SOCIAL_CONFIDENTIAL, et HEALTH_SECRET pour les professionnels de santé.',
  })
  categories!: DataCategory[];
}

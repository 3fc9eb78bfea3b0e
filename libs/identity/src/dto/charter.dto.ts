import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MultilineText } from '@relais/graphql';
import { IsEnum, IsString, IsUUID, Length } from 'class-validator';
import { CharterKind } from '../domain/charter-kind';

@InputType({ description: 'Une nouvelle version du règlement ou de la charte de confidentialité.' })
export class PublishCharterInput {
  @Field(() => ID, { description: 'Le territoire.' })
  @IsUUID('4', { message: "L'identifiant du territoire n'est pas valide." })
  territoryId!: string;

  @Field(() => CharterKind, { description: 'Règlement intérieur ou charte de confidentialité.' })
  @IsEnum(CharterKind, { message: 'Le type de charte est inconnu.' })
  kind!: CharterKind;

  @Field({ description: 'Titre (3 à 200 caractères).' })
  @IsString({ message: 'Le titre est obligatoire.' })
  @Length(3, 200, { message: 'Le titre doit contenir entre 3 et 200 caractères.' })
  title!: string;

  @Field({ description: 'Texte intégral (20 à 100 000 caractères).' })
  @MultilineText()
  @IsString({ message: 'Le texte est obligatoire.' })
  @Length(20, 100_000, { message: 'Le texte doit contenir entre 20 et 100 000 caractères.' })
  body!: string;
}

@ObjectType('Charter', {
  description: 'Une version publiée du règlement ou de la charte de confidentialité.',
})
export class CharterObject {
  @Field(() => ID, { description: 'Identifiant de cette version.' })
  id!: string;

  @Field(() => ID, { description: 'Le territoire.' })
  territoryId!: string;

  @Field(() => CharterKind, { description: 'Règlement intérieur ou charte de confidentialité.' })
  kind!: CharterKind;

  @Field(() => Int, { description: 'Numéro de version, à partir de 1 pour chaque type.' })
  version!: number;

  @Field({ description: 'Titre.' })
  title!: string;

  @Field({ description: 'Texte intégral.' })
  body!: string;

  @Field({ description: 'Version en vigueur.' })
  current!: boolean;

  @Field({ description: 'Date de publication.' })
  publishedAt!: Date;

  @Field({ description: "J'ai accepté cette version." })
  acceptedByMe!: boolean;
}

import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MultilineText, Trimmed } from '@relais/graphql';
import { IsEnum, IsString, IsUUID, Length } from 'class-validator';
import { CharterKind } from '../domain/charter-kind';

@InputType()
export class PublishCharterInput {
  @Field(() => ID)
  @IsUUID('4', { message: "L'identifiant du territoire n'est pas valide." })
  territoryId!: string;

  @Field(() => CharterKind)
  @IsEnum(CharterKind, { message: 'Le type de charte est inconnu.' })
  kind!: CharterKind;

  @Field()
  @Trimmed()
  @IsString({ message: 'Le titre est obligatoire.' })
  @Length(3, 200, { message: 'Le titre doit contenir entre 3 et 200 caractères.' })
  title!: string;

  @Field()
  @Trimmed()
  @MultilineText()
  @IsString({ message: 'Le texte est obligatoire.' })
  @Length(20, 100_000, { message: 'Le texte doit contenir entre 20 et 100 000 caractères.' })
  body!: string;
}

@ObjectType('Charter', {
  description: 'Une version publiée du règlement ou de la charte de confidentialité.',
})
export class CharterObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  territoryId!: string;

  @Field(() => CharterKind)
  kind!: CharterKind;

  @Field(() => Int)
  version!: number;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field({ description: 'Version en vigueur.' })
  current!: boolean;

  @Field()
  publishedAt!: Date;

  @Field({ description: "J'ai accepté cette version." })
  acceptedByMe!: boolean;
}

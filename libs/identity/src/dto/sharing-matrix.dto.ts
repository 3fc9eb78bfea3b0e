import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { DataCategory, SharingCategory } from '@relais/access';
import { INVALID_ID_MESSAGE } from '@relais/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsUUID, ValidateNested } from 'class-validator';

@InputType({ description: 'Ce que lit une catégorie de professionnels dans ce territoire.' })
export class SharingMatrixEntryInput {
  @Field(() => SharingCategory, { description: 'La catégorie de partage des lecteurs.' })
  @IsEnum(SharingCategory, { message: 'La catégorie de partage est inconnue.' })
  reader!: SharingCategory;

  @Field(() => [DataCategory], {
    description: 'Les catégories que ces professionnels lisent dans ce territoire.',
  })
  @IsArray({ message: 'Listez les catégories.' })
  @IsEnum(DataCategory, { each: true, message: 'Une catégorie de donnée est inconnue.' })
  categories!: DataCategory[];
}

@InputType({ description: 'Restreindre la matrice de partage du territoire (jamais l’élargir).' })
export class NarrowSharingMatrixInput {
  @Field(() => ID, { description: 'Le territoire administré.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  territoryId!: string;

  @Field(() => [SharingMatrixEntryInput], {
    description:
      'Une entrée par catégorie de partage restreinte (trois au plus) ; remplace les restrictions précédentes ; une catégorie absente revient à la matrice par défaut.',
  })
  @IsArray({ message: 'Listez les restrictions.' })
  @ArrayMaxSize(3, { message: 'Une restriction par catégorie de partage, au plus.' })
  @ValidateNested({ each: true })
  @Type(() => SharingMatrixEntryInput)
  entries!: SharingMatrixEntryInput[];
}

@ObjectType('SharingMatrixEntry', {
  description: 'Ce que lit une catégorie de professionnels dans ce territoire.',
})
export class SharingMatrixEntryObject {
  @Field(() => SharingCategory, { description: 'La catégorie de partage des lecteurs.' })
  reader!: SharingCategory;

  @Field(() => [DataCategory], { description: 'Les catégories de données qu’ils lisent dans ce territoire.' })
  categories!: DataCategory[];
}

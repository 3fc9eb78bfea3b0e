import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

@InputType({ description: 'Connexion par adresse e-mail et mot de passe.' })
export class LogInInput {
  @Field({ description: 'Adresse e-mail du compte.' })
  @IsEmail({}, { message: "L'adresse e-mail n'est pas valide." })
  @MaxLength(254, { message: "L'adresse e-mail est trop longue." })
  email!: string;

  @Field({ description: 'Mot de passe.' })
  @IsString({ message: 'Le mot de passe est obligatoire.' })
  @IsNotEmpty({ message: 'Le mot de passe est obligatoire.' })
  @MaxLength(256, { message: 'Le mot de passe est trop long.' })
  password!: string;

  @Field({
    nullable: true,
    description:
      "Le code à six chiffres de l'application d'authentification, ou un code de secours, quand le compte en exige un.",
  })
  @IsOptional()
  @IsString({ message: "Le code de second facteur n'est pas valide." })
  @MaxLength(32, { message: "Le code de second facteur n'est pas valide." })
  secondFactorCode?: string;
}

@InputType({ description: 'Renouvellement de la session.' })
export class RefreshSessionInput {
  @Field({
    nullable: true,
    description:
      'Le dernier jeton de renouvellement reçu (à usage unique) ; omis par le navigateur, dont le cookie le porte.',
  })
  @IsOptional()
  @IsString({ message: 'Le jeton de renouvellement est obligatoire.' })
  @IsNotEmpty({ message: 'Le jeton de renouvellement est obligatoire.' })
  @MaxLength(128, { message: "Le jeton de renouvellement n'est pas valide." })
  refreshToken?: string;
}

@InputType({ description: 'Changement de son propre mot de passe, en session.' })
export class ChangePasswordInput {
  @Field({ description: 'Le mot de passe actuel.' })
  @IsString({ message: 'Le mot de passe actuel est obligatoire.' })
  @IsNotEmpty({ message: 'Le mot de passe actuel est obligatoire.' })
  @MaxLength(256, { message: 'Le mot de passe actuel est trop long.' })
  currentPassword!: string;

  @Field({
    description:
      'Le nouveau mot de passe : de 12 à 128 caractères, tous caractères admis (une phrase de plusieurs mots convient très bien).',
  })
  @IsString({ message: 'Le nouveau mot de passe est obligatoire.' })
  @MaxLength(512, { message: 'Le nouveau mot de passe est trop long.' })
  newPassword!: string;
}

@InputType({ description: 'Choix du mot de passe par le lien à usage unique reçu.' })
export class SetPasswordInput {
  @Field({ description: 'Le jeton du lien (ce qui suit « #jeton= »).' })
  @IsString({ message: 'Le lien est incomplet.' })
  @IsNotEmpty({ message: 'Le lien est incomplet.' })
  @MaxLength(128, { message: "Ce lien n'est pas valable." })
  token!: string;

  @Field({
    description:
      'Le mot de passe choisi : de 12 à 128 caractères, tous caractères admis (une phrase de plusieurs mots convient très bien).',
  })
  @IsString({ message: 'Le mot de passe est obligatoire.' })
  @MaxLength(512, { message: 'Le mot de passe est trop long.' })
  newPassword!: string;
}

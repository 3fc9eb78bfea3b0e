import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { AuthSession } from '../dto/auth-session.object';

@InputType({ description: 'Un enrôlement du second facteur, désigné par le jeton reçu à la connexion.' })
export class SecondFactorEnrolmentInput {
  @Field({ description: "Le jeton d'enrôlement (extensions.enrolmentToken de la connexion refusée)." })
  @IsString({ message: "Le jeton d'enrôlement est obligatoire." })
  @IsNotEmpty({ message: "Le jeton d'enrôlement est obligatoire." })
  @MaxLength(128, { message: "Le jeton d'enrôlement n'est pas valide." })
  enrolmentToken!: string;
}

@InputType({ description: "La fin d'un enrôlement : le premier code donné par l'application." })
export class CompleteSecondFactorEnrolmentInput extends SecondFactorEnrolmentInput {
  @Field({ description: "Le code à six chiffres affiché par l'application d'authentification." })
  @IsString({ message: 'Le code est obligatoire.' })
  @IsNotEmpty({ message: 'Le code est obligatoire.' })
  @MaxLength(32, { message: "Ce code n'est pas valide." })
  code!: string;
}

@InputType({ description: "Un code de l'application d'authentification, preuve du second facteur." })
export class SecondFactorCodeInput {
  @Field({ description: "Le code à six chiffres affiché en ce moment par l'application." })
  @IsString({ message: 'Le code est obligatoire.' })
  @IsNotEmpty({ message: 'Le code est obligatoire.' })
  @MaxLength(32, { message: "Ce code n'est pas valide." })
  code!: string;
}

@InputType({ description: 'Le membre dont le second facteur est réinitialisé.' })
export class ResetSecondFactorInput {
  @Field(() => ID, { description: 'Le territoire administré.' })
  @IsUUID('all', { message: "L'identifiant du territoire n'est pas valide." })
  territoryId!: string;

  @Field(() => ID, { description: 'Le compte du membre.' })
  @IsUUID('all', { message: "L'identifiant de l'utilisateur n'est pas valide." })
  userId!: string;
}

@InputType({ description: 'Qui se connecte avec un second facteur dans le territoire.' })
export class SecondFactorPolicyInput {
  @Field(() => ID, { description: 'Le territoire administré.' })
  @IsUUID('all', { message: "L'identifiant du territoire n'est pas valide." })
  territoryId!: string;

  @Field({
    description:
      'Vrai : tous les membres. Faux : seuls les rôles qui lisent l’identité ou davantage (toujours tenus).',
  })
  @IsBoolean({ message: 'Indiquez oui ou non.' })
  allMembers!: boolean;
}

@ObjectType({
  description:
    "Le secret à enregistrer dans une application d'authentification (TOTP) : à saisir, ou par son code QR.",
})
export class SecondFactorEnrolmentObject {
  @Field({ description: 'Le secret en base32, pour une saisie à la main.' })
  secret!: string;

  @Field({ description: 'Le lien otpauth:// (émetteur « Relais », libellé : votre adresse e-mail).' })
  otpauthUri!: string;

  @Field({ description: 'Le code QR du lien, en SVG.' })
  qrCodeSvg!: string;
}

@ObjectType({
  description: "L'enrôlement achevé : la session ouverte et les codes de secours, montrés une seule fois.",
})
export class SecondFactorEnrolledObject {
  @Field(() => AuthSession, { description: 'La session ouverte, comme après une connexion.' })
  session!: AuthSession;

  @Field(() => [String], {
    description: 'Dix codes de secours à usage unique, à conserver : ils ne seront plus jamais affichés.',
  })
  recoveryCodes!: string[];
}

@ObjectType({ description: 'Qui se connecte avec un second facteur dans un territoire.' })
export class SecondFactorPolicyObject {
  @Field(() => ID, { description: 'Le territoire.' })
  territoryId!: string;

  @Field({ description: 'Vrai : tous les membres ; faux : les rôles qui lisent l’identité ou davantage.' })
  allMembers!: boolean;
}

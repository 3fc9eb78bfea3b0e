import { Field, ID, InputType } from '@nestjs/graphql';
import { fromToday, INVALID_ID_MESSAGE, LocalDate, MultilineText } from '@relais/graphql';
import { AgeBand, ProtectionMeasure } from '@relais/situations';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DifficultyArea, RedirectTarget, ReferralRequest, Urgency } from '../domain/referral-form.enums';

const PHONE = /^(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/;
const STRICTLY_NECESSARY = 'N’écrivez que ce qui est strictement nécessaire à la cellule.';

@InputType({ description: 'Identité de la personne, conservée à part et montrée selon le consentement.' })
export class PersonInput {
  @Field({ description: 'Prénom.' })
  @IsString({ message: 'Le prénom est obligatoire.' })
  @Length(1, 100, { message: 'Le prénom doit contenir entre 1 et 100 caractères.' })
  firstName!: string;

  @Field({ description: 'Nom de famille.' })
  @IsString({ message: 'Le nom est obligatoire.' })
  @Length(1, 100, { message: 'Le nom doit contenir entre 1 et 100 caractères.' })
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'AAAA-MM-JJ, passée, au plus tôt en 1900.' })
  @IsOptional()
  @LocalDate({
    earliest: '1900-01-01',
    latest: fromToday(),
    message: 'La date de naissance doit être passée et postérieure au 1er janvier 1900.',
  })
  birthDate?: string | null;

  @Field(() => AgeBand, { nullable: true, description: 'Quand la date de naissance est inconnue.' })
  @IsOptional()
  @IsEnum(AgeBand, { message: "La tranche d'âge est inconnue." })
  ageBand?: AgeBand | null;

  @Field(() => String, { nullable: true, description: 'Quartier (montré dans les ordres du jour).' })
  @IsOptional()
  @Length(1, 100, { message: 'Le quartier doit contenir entre 1 et 100 caractères.' })
  district?: string | null;

  @Field(() => String, { nullable: true, description: 'Adresse postale.' })
  @IsOptional()
  @Length(3, 300, { message: "L'adresse doit contenir entre 3 et 300 caractères." })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Téléphone (numéro français).' })
  @IsOptional()
  @Matches(PHONE, { message: "Le numéro de téléphone n'est pas un numéro français valide." })
  phone?: string | null;

  @Field(() => ProtectionMeasure, {
    description: 'Mesure de protection juridique (NONE s’il n’y en a pas, UNKNOWN si on ne sait pas).',
  })
  @IsEnum(ProtectionMeasure, { message: 'La mesure de protection est inconnue.' })
  protectionMeasure!: ProtectionMeasure;

  @Field(() => String, { nullable: true, description: 'Nom du représentant (tuteur, curateur…).' })
  @IsOptional()
  @Length(2, 200, { message: 'Le représentant doit contenir entre 2 et 200 caractères.' })
  representativeName?: string | null;

  @Field(() => String, { nullable: true, description: 'Coordonnées du représentant.' })
  @IsOptional()
  @Length(3, 200, { message: 'Le contact du représentant doit contenir entre 3 et 200 caractères.' })
  representativeContact?: string | null;
}

@InputType({ description: `La fiche de saisine. ${STRICTLY_NECESSARY}` })
export class ReferralFormInput {
  @Field(() => [DifficultyArea], {
    description: 'Les domaines de difficulté (au plus 10) ; au moins un pour transmettre la saisine.',
  })
  @IsArray({ message: 'Choisissez les domaines de difficulté.' })
  @ArrayMaxSize(10, { message: 'Au plus 10 domaines.' })
  @IsEnum(DifficultyArea, { each: true, message: 'Un domaine de difficulté est inconnu.' })
  difficultyAreas!: DifficultyArea[];

  @Field(() => [String], { description: 'Services déjà impliqués (sans nom de personne).' })
  @IsArray({ message: 'Listez les services déjà impliqués.' })
  @ArrayMaxSize(20, { message: 'Au plus 20 services.' })
  @Length(2, 120, { each: true, message: 'Chaque service doit contenir entre 2 et 120 caractères.' })
  servicesInvolved!: string[];

  @Field(() => String, { nullable: true, description: `Ce qui a déjà été tenté. ${STRICTLY_NECESSARY}` })
  @IsOptional()
  @MultilineText()
  @MaxLength(1500, { message: 'Au plus 1 500 caractères.' })
  actionsTried?: string | null;

  @Field(() => String, { nullable: true, description: 'Où les démarches sont bloquées.' })
  @IsOptional()
  @MultilineText()
  @MaxLength(1500, { message: 'Au plus 1 500 caractères.' })
  blockages?: string | null;

  @Field(() => String, { nullable: true, description: 'La question posée à la cellule.' })
  @IsOptional()
  @MultilineText()
  @MaxLength(1000, { message: 'Au plus 1 000 caractères.' })
  questionToCell?: string | null;

  @Field(() => Urgency, { description: 'L’urgence ressentie par l’auteur.' })
  @IsEnum(Urgency, { message: "Le degré d'urgence est inconnu." })
  urgency!: Urgency;

  @Field(() => [ReferralRequest], {
    description:
      'Ce qui est demandé à la cellule (au moins une demande) ; le consentement ne pourra pas couvrir davantage.',
  })
  @IsArray({ message: 'Indiquez ce qui est demandé.' })
  @ArrayMinSize(1, { message: 'Indiquez au moins une demande.' })
  @IsEnum(ReferralRequest, { each: true, message: 'Une demande est inconnue.' })
  requests!: ReferralRequest[];

  @Field(() => String, {
    nullable: true,
    description: `La situation en quelques lignes. ${STRICTLY_NECESSARY}`,
  })
  @IsOptional()
  @MultilineText()
  @MaxLength(2000, { message: 'Au plus 2 000 caractères : ne gardez que le strictement nécessaire.' })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Logement : bail, dette, procédure, état du logement.',
  })
  @IsOptional()
  @MultilineText()
  @MaxLength(1500, { message: 'Au plus 1 500 caractères.' })
  housingContext?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Informations de santé : réservé aux professionnels de santé, lu par eux seuls.',
  })
  @IsOptional()
  @MultilineText()
  @MaxLength(1500, { message: 'Au plus 1 500 caractères.' })
  healthInformation?: string | null;
}

@InputType({ description: 'Une nouvelle saisine, enregistrée comme brouillon.' })
export class CreateReferralInput {
  @Field(() => ID, { description: 'Le territoire (CLSM) saisi.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  territoryId!: string;

  @Field(() => PersonInput, { description: 'La personne concernée.' })
  @ValidateNested()
  @Type(() => PersonInput)
  person!: PersonInput;

  @Field(() => ReferralFormInput, { description: 'La fiche de saisine.' })
  @ValidateNested()
  @Type(() => ReferralFormInput)
  form!: ReferralFormInput;
}

@InputType({
  description: 'Modification d’une saisine en brouillon ou en attente de consentement.',
})
export class UpdateReferralInput {
  @Field(() => ID, { description: 'La saisine à modifier.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  referralId!: string;

  @Field(() => PersonInput, {
    nullable: true,
    description: 'L’identité de la personne, corrigée ; null la laisse inchangée.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonInput)
  person?: PersonInput | null;

  @Field(() => ReferralFormInput, {
    description: 'La fiche de saisine, qui remplace la précédente en entier.',
  })
  @ValidateNested()
  @Type(() => ReferralFormInput)
  form!: ReferralFormInput;
}

@InputType({ description: 'Transmission à la cellule, avec les conditions de recevabilité.' })
export class SubmitReferralInput {
  @Field(() => ID, { description: 'La saisine à transmettre.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  referralId!: string;

  @Field({ description: 'Les voies de droit commun ont été tentées.' })
  @IsBoolean({ message: 'Confirmez que les voies de droit commun ont été tentées.' })
  commonLawRoutesTried!: boolean;

  @Field({ description: 'La situation ne relève pas de l’urgence.' })
  @IsBoolean({ message: 'Confirmez que la situation ne relève pas de l’urgence.' })
  notAnEmergency!: boolean;

  @Field({ description: 'Danger grave et imminent pour la personne ou autrui.' })
  @IsBoolean({ message: 'Indiquez s’il y a un danger imminent.' })
  imminentDanger!: boolean;
}

@InputType({
  description: 'Une saisine et le motif de son changement d’état (retrait, demande de consentement).',
})
export class ReferralReasonInput {
  @Field(() => ID, { description: 'La saisine concernée.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  referralId!: string;

  @Field({ description: 'Motif, sans donnée de santé.' })
  @MultilineText()
  @IsString({ message: 'Le motif est obligatoire.' })
  @Length(3, 1000, { message: 'Le motif doit contenir entre 3 et 1 000 caractères.' })
  reason!: string;
}

@InputType({ description: 'Acceptation d’une saisine par la coordination.' })
export class AcceptReferralInput {
  @Field(() => ID, { description: 'La saisine acceptée.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  referralId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Commentaire facultatif, gardé dans l’historique de la saisine (sans donnée de santé).',
  })
  @IsOptional()
  @MultilineText()
  @Length(3, 1000, { message: 'Le motif doit contenir entre 3 et 1 000 caractères.' })
  reason?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'La personne est déjà connue (doublon vérifié) : la saisine rejoint sa situation.',
  })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  samePersonAsPersonId?: string | null;
}

@InputType({ description: 'Réorientation d’une saisine vers une autre instance.' })
export class RedirectReferralInput {
  @Field(() => ID, { description: 'La saisine réorientée.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  referralId!: string;

  @Field(() => RedirectTarget, { description: 'L’instance vers laquelle la saisine est réorientée.' })
  @IsEnum(RedirectTarget, { message: "L'instance est inconnue." })
  target!: RedirectTarget;

  @Field({ description: "Message à l'auteur de la saisine." })
  @MultilineText()
  @IsString({ message: 'Le message est obligatoire.' })
  @Length(10, 1000, { message: 'Le message doit contenir entre 10 et 1 000 caractères.' })
  message!: string;
}

import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { fromToday, INVALID_ID_MESSAGE, MomentWithin } from '@relais/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { ReferrerKind } from '@relais/identity';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsUrl,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AgendaItemKind, InviteeKind, MeetingStatus, SuggestionReason } from '../domain/meeting.enums';

@InputType({ description: 'Une séance : un lieu ou un lien de visioconférence.' })
export class PlanMeetingInput {
  @Field(() => ID, { description: 'La cellule qui se réunit.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  cellId!: string;

  @Field({ description: 'Début de la séance : à venir, dans les 5 ans.' })
  @Type(() => Date)
  @IsDate({ message: 'La date de la séance est invalide.' })
  // The past is refused by the service (« à venir »); a year back keeps its message reachable.
  @MomentWithin({
    earliest: fromToday({ years: -1 }),
    latest: fromToday({ years: 5 }),
    message: 'La séance doit avoir lieu dans les 5 ans à venir.',
  })
  startsAt!: Date;

  @Field(() => Int, { nullable: true, description: 'Durée en minutes (120 par défaut).' })
  @IsOptional()
  @IsInt({ message: 'La durée est un nombre de minutes.' })
  @Min(15, { message: 'Une séance dure au moins 15 minutes.' })
  @Max(480, { message: 'Une séance dure au plus 8 heures.' })
  durationMinutes?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Lieu de la séance (3 à 300 caractères) ; un lieu ou un lien de visioconférence est requis.',
  })
  @IsOptional()
  @Length(3, 300, { message: 'Le lieu doit contenir entre 3 et 300 caractères.' })
  place?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Lien de visioconférence (adresse https) ; un lieu ou un lien est requis.',
  })
  @IsOptional()
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: 'Le lien de visioconférence doit être une adresse https.' },
  )
  @MaxLength(500, { message: 'Le lien de visioconférence est trop long (500 caractères au plus).' })
  videoLink?: string | null;
}

@InputType({
  description: 'Une série mensuelle : même jour de la semaine, même rang dans le mois, même heure.',
})
export class PlanMeetingSeriesInput extends PlanMeetingInput {
  @Field(() => Int, { description: 'Nombre de séances (12 au plus).' })
  @IsInt({ message: 'Le nombre de séances est un entier.' })
  @Min(2, { message: 'Une série compte au moins 2 séances.' })
  @Max(12, { message: 'Une série compte au plus 12 séances.' })
  count!: number;
}

@InputType({ description: "Une situation à inscrire à l'ordre du jour, tant qu'il n'est pas publié." })
export class AgendaItemInput {
  @Field(() => ID, { description: "La séance, dont l'ordre du jour n'est pas encore publié." })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  meetingId!: string;

  @Field(() => ID, {
    description: 'La situation à inscrire : non close, et la personne a consenti à son examen en cellule.',
  })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  situationId!: string;

  @Field(() => AgendaItemKind, { nullable: true, description: 'Déduit de l’historique si absent.' })
  @IsOptional()
  @IsEnum(AgendaItemKind, { message: 'Le type de point est inconnu.' })
  kind?: AgendaItemKind | null;

  @Field(() => Int, { nullable: true, description: 'Temps prévu, en minutes (15 par défaut).' })
  @IsOptional()
  @IsInt({ message: 'Le temps prévu est un nombre de minutes.' })
  @Min(5, { message: 'Au moins 5 minutes.' })
  @Max(120, { message: 'Au plus 120 minutes.' })
  minutes?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Organisation qui présente la situation (partenaire du territoire).',
  })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  presenterOrganisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Personne qui présente la situation.' })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  presenterUserId?: string | null;

  @Field(() => SuggestionReason, {
    nullable: true,
    description: 'Le motif, quand le point reprend une proposition de Relais.',
  })
  @IsOptional()
  @IsEnum(SuggestionReason, { message: 'Le motif est inconnu.' })
  reason?: SuggestionReason | null;

  @Field(() => [ID], { description: 'Partenaires invités pour ce seul point.' })
  @IsArray({ message: 'Listez les partenaires invités.' })
  @ArrayMaxSize(20, { message: 'Au plus 20 partenaires invités.' })
  @IsUUID('4', { each: true, message: INVALID_ID_MESSAGE })
  guestOrganisationIds!: string[];
}

@InputType({ description: "Les réglages d'un point, tant que l'ordre du jour n'est pas publié." })
export class UpdateAgendaItemInput {
  @Field(() => ID, { description: 'Le point à modifier.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  itemId!: string;

  @Field(() => AgendaItemKind, { description: 'Nouvelle situation, point de suivi ou réexamen.' })
  @IsEnum(AgendaItemKind, { message: 'Le type de point est inconnu.' })
  kind!: AgendaItemKind;

  @Field(() => Int, { description: 'Temps prévu, en minutes (5 à 120).' })
  @IsInt({ message: 'Le temps prévu est un nombre de minutes.' })
  @Min(5, { message: 'Au moins 5 minutes.' })
  @Max(120, { message: 'Au plus 120 minutes.' })
  minutes!: number;

  @Field(() => ID, {
    nullable: true,
    description: 'Organisation qui présente la situation (partenaire du territoire) ; null : aucune.',
  })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  presenterOrganisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Personne qui présente la situation ; null : aucune.' })
  @IsOptional()
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  presenterUserId?: string | null;

  @Field(() => [ID], {
    description: 'Partenaires invités pour ce seul point : la liste complète, qui remplace la précédente.',
  })
  @IsArray({ message: 'Listez les partenaires invités.' })
  @ArrayMaxSize(20, { message: 'Au plus 20 partenaires invités.' })
  @IsUUID('4', { each: true, message: INVALID_ID_MESSAGE })
  guestOrganisationIds!: string[];
}

@InputType({
  description: "Le nouvel ordre des points d'une séance, tant que l'ordre du jour n'est pas publié.",
})
export class ReorderAgendaInput {
  @Field(() => ID, { description: 'La séance.' })
  @IsUUID('4', { message: INVALID_ID_MESSAGE })
  meetingId!: string;

  @Field(() => [ID], { description: 'Tous les points, dans le nouvel ordre.' })
  @IsArray({ message: 'Listez les points dans leur nouvel ordre.' })
  @ArrayMaxSize(100, { message: 'Au plus 100 points.' })
  @IsUUID('4', { each: true, message: INVALID_ID_MESSAGE })
  itemIds!: string[];
}

@ObjectType('StandingInvitee', { description: 'Invité·e permanent·e : membre de la cellule ou suppléant·e.' })
export class StandingInviteeObject {
  @Field(() => ID, { description: "L'invité·e : un compte membre de la cellule." })
  userId!: string;

  @Field(() => ID, { description: 'Son organisation.' })
  organisationId!: string;

  @Field(() => InviteeKind, { description: 'Titulaire ou suppléant·e.' })
  kind!: InviteeKind;
}

@ObjectType('Meeting', { description: 'Une séance de la cellule.' })
export class MeetingObject {
  @Field(() => ID, { description: 'Identifiant de la séance.' })
  id!: string;

  @Field(() => ID, { description: 'Le territoire (CLSM).' })
  territoryId!: string;

  @Field(() => ID, { description: 'La cellule qui se réunit.' })
  cellId!: string;

  @Field({ description: 'Début de la séance.' })
  startsAt!: Date;

  @Field(() => Int, { description: 'Durée prévue, en minutes.' })
  durationMinutes!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Lieu de la séance ; null : en visioconférence seulement.',
  })
  place!: string | null;

  @Field(() => String, { nullable: true, description: 'Lien de visioconférence ; null : aucun.' })
  videoLink!: string | null;

  @Field(() => MeetingStatus, { description: 'État de la séance.' })
  status!: MeetingStatus;

  @Field({ description: 'État de la séance, en français (« Prévue », « Tenue »…).' })
  statusLabel!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'La série mensuelle dont la séance fait partie ; null pour une séance prévue seule.',
  })
  seriesId!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: "Publication de l'ordre du jour ; null tant qu'il n'est pas publié.",
  })
  agendaPublishedAt!: Date | null;
}

const { LOGISTIC } = DataCategory;

@ObjectType('AgendaItem', {
  description:
    "Un point de l'ordre du jour. Jamais d'identité : le code de situation pour tous, le pseudonyme et le lien vers la situation pour la coordination et les invités de ce point.",
})
export class AgendaItemObject {
  @Field(() => ID, { description: 'Identifiant du point.' })
  @Categorized(LOGISTIC)
  id!: string;

  @Field(() => Int, { description: 'Rang du point dans la séance, à partir de 1.' })
  @Categorized(LOGISTIC)
  position!: number;

  @Field(() => AgendaItemKind, { description: 'Nouvelle situation, point de suivi ou réexamen.' })
  @Categorized(LOGISTIC)
  kind!: AgendaItemKind;

  @Field(() => Int, { description: 'Temps prévu, en minutes.' })
  @Categorized(LOGISTIC)
  minutes!: number;

  @Field({ description: 'Code de la situation, sans identité.' })
  @Categorized(LOGISTIC)
  caseCode!: string;

  @Field(() => ReferrerKind, {
    nullable: true,
    description:
      'Nature du partenaire qui a saisi la cellule, sans révéler un soin (psychiatrie, médico-social et entraide sont dits ensemble).',
  })
  @Categorized(LOGISTIC)
  referrerKind!: ReferrerKind | null;

  @Field(() => Int, { description: '1 la première fois, puis 2, 3… à chaque réexamen.' })
  @Categorized(LOGISTIC)
  presentation!: number;

  @Field({ description: 'Vous êtes invité·e à ce point (ou vous coordonnez) : détails visibles.' })
  @Categorized(LOGISTIC)
  detailed!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'La situation, pour la coordination et les invités de ce point.',
  })
  @Categorized(LOGISTIC)
  situationId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Initiales, tranche d’âge et quartier, pour la coordination et les invités de ce point.',
  })
  @Categorized(LOGISTIC)
  pseudonym!: string | null;

  @Field(() => SuggestionReason, {
    nullable: true,
    description: 'Pourquoi Relais l’a proposé, pour la coordination et les invités de ce point.',
  })
  @Categorized(LOGISTIC)
  reason!: SuggestionReason | null;

  @Field(() => ID, { nullable: true, description: 'Organisation qui présente la situation.' })
  @Categorized(LOGISTIC)
  presenterOrganisationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Personne qui présente la situation.' })
  @Categorized(LOGISTIC)
  presenterUserId!: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Partenaires invités à ce point ; réservé à la coordination.',
  })
  @Categorized(LOGISTIC)
  guestOrganisationIds!: string[] | null;

  @Field(() => [String], { description: 'Champs masqués pour vous.' })
  redactedFields!: string[];
}

@ObjectType('Agenda', { description: "L'ordre du jour d'une séance, tel que vous pouvez le voir." })
export class AgendaObject {
  @Field(() => MeetingObject, { description: 'La séance.' })
  meeting!: MeetingObject;

  @Field(() => [AgendaItemObject], {
    description: 'Les points, dans leur ordre ; les détails de chacun selon votre lien avec lui.',
  })
  items!: AgendaItemObject[];

  @Field(() => Int, { description: 'Temps total prévu, en minutes.' })
  totalMinutes!: number;

  @Field(() => [StandingInviteeObject], { nullable: true, description: 'Réservé à la coordination.' })
  standingInvitees!: StandingInviteeObject[] | null;
}

@ObjectType('AgendaSuggestion', { description: 'Une situation que Relais propose d’inscrire, et pourquoi.' })
export class AgendaSuggestionObject {
  @Field(() => ID, { description: 'La situation proposée.' })
  @Categorized(LOGISTIC)
  situationId!: string;

  @Field({ description: 'Code de la situation, sans identité.' })
  @Categorized(LOGISTIC)
  caseCode!: string;

  @Field({ description: 'Initiales, tranche d’âge et quartier.' })
  @Categorized(LOGISTIC)
  pseudonym!: string;

  @Field(() => AgendaItemKind, { description: 'Type de point proposé.' })
  @Categorized(LOGISTIC)
  kind!: AgendaItemKind;

  @Field(() => SuggestionReason, { description: 'Motif de la proposition.' })
  @Categorized(LOGISTIC)
  reason!: SuggestionReason;

  @Field({ description: 'Pourquoi, en français : une date ou un nombre d’actions, jamais un contenu.' })
  @Categorized(LOGISTIC)
  explanation!: string;

  @Field(() => [String], { description: 'Champs masqués pour vous.' })
  redactedFields!: string[];
}

import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  isUUID,
} from 'class-validator';
import { AfterCursor, ConnectionType, CursorShape } from '@relais/graphql';
import { Categorized, DataCategory } from '@relais/access';
import { EmailMode, ReminderKind } from '../domain/reminder-kind';
import { POLICY_BOUNDS } from '../domain/reminder-policy';

const L = DataCategory.LOGISTIC;

/** Codes and ids only (the case code, never a name): every field is logistic. */
@ObjectType({ description: 'Une notification : le code de la situation et un lien, jamais un nom.' })
export class NotificationObject {
  @Field(() => ID, { description: 'Identifiant de la notification.' })
  @Categorized(L)
  id!: string;

  @Field(() => ReminderKind, { description: 'La sorte de rappel.' })
  @Categorized(L)
  kind!: ReminderKind;

  @Field({ description: 'Titre, en français.' })
  @Categorized(L)
  title!: string;

  @Field({ description: 'Texte, en français : le code de la situation et la date, jamais un nom.' })
  @Categorized(L)
  body!: string;

  @Field(() => String, { nullable: true, description: 'Code de la situation (jamais un nom).' })
  @Categorized(L)
  caseCode!: string | null;

  @Field(() => ID, { nullable: true, description: 'La situation concernée.' })
  @Categorized(L)
  situationId!: string | null;

  @Field(() => String, { nullable: true, description: 'Date concernée (AAAA-MM-JJ).' })
  @Categorized(L)
  aboutOn!: string | null;

  @Field({ description: 'Lien vers la notification dans Relais.' })
  @Categorized(L)
  link!: string;

  @Field({ description: 'Date de la notification.' })
  @Categorized(L)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Date de lecture, si elle a été lue.' })
  @Categorized(L)
  readAt!: Date | null;

  @Field(() => [String], { description: 'Les champs masqués pour vous.' })
  redactedFields!: string[];
}

/** A position in my notifications, newest first: the moment (to the microsecond) and the id. */
export const NOTIFICATION_CURSOR: CursorShape = [
  (value) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value) && !Number.isNaN(Date.parse(value)),
  (value) => isUUID(value),
];

@ArgsType()
export class NotificationsArgs {
  @Field({ defaultValue: false, description: 'Seulement les notifications non lues.' })
  @IsBoolean({ message: 'Indiquez oui ou non.' })
  unreadOnly!: boolean;

  @Field(() => Int, { defaultValue: 50, description: 'Combien de notifications par page : de 1 à 100.' })
  @IsInt({ message: 'Le nombre de notifications est un nombre entier.' })
  @Min(1, { message: 'Demandez au moins une notification.' })
  @Max(100, { message: 'Au plus 100 notifications par page.' })
  first!: number;

  @AfterCursor(NOTIFICATION_CURSOR)
  after?: string | null;
}

export const NotificationConnection = ConnectionType(NotificationObject, {
  name: 'Notification',
  description: 'Une page de mes notifications, la plus récente d’abord, et ce qui la suit.',
  nodeDescription: 'Une notification',
});

@ObjectType({ description: "Mes choix d'envoi des notifications par e-mail." })
export class NotificationPreferencesObject {
  @Field(() => EmailMode, { description: 'Comment je reçois mes notifications par e-mail.' })
  emailMode!: EmailMode;
}

@ObjectType({ description: "Le réglage d'une sorte de rappel dans le territoire." })
export class ReminderPolicyObject {
  @Field(() => ReminderKind, { description: 'La sorte de rappel.' }) kind!: ReminderKind;
  @Field({ description: 'Son nom, en français.' }) label!: string;
  @Field({ description: 'Qui le reçoit.' }) audience!: string;
  @Field({ description: 'Le rappel est envoyé (faux : il est coupé dans le territoire).' })
  enabled!: boolean;
  @Field(() => [Int], { description: 'Jours par rapport à la date concernée (négatif : avant).' })
  offsetsDays!: number[];
  @Field(() => Int, {
    nullable: true,
    description: 'Après le dernier délai, relance tous les combien de jours (null : pas de relance).',
  })
  repeatEveryDays!: number | null;
  @Field(() => Int, { description: 'Nombre de relances au plus, après le dernier délai.' })
  maxRepeats!: number;
  @Field({ description: 'Jours ouvrés (jours fériés exclus) plutôt que jours de calendrier.' })
  workingDays!: boolean;
  @Field({ description: 'Le réglage par défaut s’applique.' }) isDefault!: boolean;
}

const { minOffsetDays, maxOffsetDays, maxOffsets, maxRepeats } = POLICY_BOUNDS;

@InputType({ description: "Le réglage d'une sorte de rappel dans le territoire." })
export class TuneReminderPolicyInput {
  @Field(() => ID, { description: 'Le territoire.' })
  @IsUUID('all', { message: "L'identifiant du territoire n'est pas valide." })
  territoryId!: string;

  @Field(() => ReminderKind, { description: 'La sorte de rappel à régler.' })
  @IsEnum(ReminderKind, { message: 'Cette sorte de rappel est inconnue.' })
  kind!: ReminderKind;

  @Field({ description: 'Le rappel est envoyé (faux : il est coupé dans le territoire).' })
  @IsBoolean({ message: 'Indiquez si le rappel est actif.' })
  enabled!: boolean;

  @Field(() => [Int], {
    description: `Jours par rapport à la date concernée (négatif : avant), de ${minOffsetDays} à ${maxOffsetDays}, ${maxOffsets} au plus ; au moins un si le rappel est actif.`,
  })
  @IsArray({ message: 'Listez les délais.' })
  @ArrayMaxSize(maxOffsets, { message: `${maxOffsets} délais au plus.` })
  @IsInt({ each: true, message: 'Chaque délai est un nombre entier de jours.' })
  @Min(minOffsetDays, {
    each: true,
    message: `Chaque délai est un nombre entier de jours entre ${minOffsetDays} et ${maxOffsetDays}.`,
  })
  @Max(maxOffsetDays, {
    each: true,
    message: `Chaque délai est un nombre entier de jours entre ${minOffsetDays} et ${maxOffsetDays}.`,
  })
  offsetsDays!: number[];

  @Field(() => Int, {
    nullable: true,
    description: 'Après le dernier délai, relance tous les 1 à 90 jours (null : pas de relance).',
  })
  @IsOptional()
  @IsInt({ message: 'La relance se répète tous les 1 à 90 jours.' })
  @Min(1, { message: 'La relance se répète tous les 1 à 90 jours.' })
  @Max(90, { message: 'La relance se répète tous les 1 à 90 jours.' })
  repeatEveryDays?: number | null;

  @Field(() => Int, {
    defaultValue: 0,
    description: `Nombre de relances au plus, de 0 à ${maxRepeats} (sans effet sans rythme de relance).`,
  })
  @IsInt({ message: `Entre 0 et ${maxRepeats} relances.` })
  @Min(0, { message: `Entre 0 et ${maxRepeats} relances.` })
  @Max(maxRepeats, { message: `Entre 0 et ${maxRepeats} relances.` })
  maxRepeats!: number;
}

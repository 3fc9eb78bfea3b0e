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
} from 'class-validator';
import { EmailMode, ReminderKind } from '../domain/reminder-kind';

@ObjectType({ description: 'Une notification : le code de la situation et un lien, jamais un nom.' })
export class NotificationObject {
  @Field(() => ID) id!: string;
  @Field(() => ReminderKind) kind!: ReminderKind;
  @Field() title!: string;
  @Field() body!: string;
  @Field(() => String, { nullable: true, description: 'Code de la situation (jamais un nom).' })
  caseCode!: string | null;
  @Field(() => ID, { nullable: true }) situationId!: string | null;
  @Field(() => String, { nullable: true, description: 'Date concernée (AAAA-MM-JJ).' })
  aboutOn!: string | null;
  @Field() link!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
}

@ArgsType()
export class NotificationsArgs {
  @Field({ defaultValue: false })
  @IsBoolean()
  unreadOnly!: boolean;

  @Field(() => Int, { defaultValue: 50, description: 'Au plus 200.' })
  @IsInt()
  @Min(1)
  @Max(200)
  first!: number;
}

@ObjectType({ description: "Mes choix d'envoi des notifications par e-mail." })
export class NotificationPreferencesObject {
  @Field(() => EmailMode) emailMode!: EmailMode;
}

@ObjectType({ description: "Le réglage d'une sorte de rappel dans le territoire." })
export class ReminderPolicyObject {
  @Field(() => ReminderKind) kind!: ReminderKind;
  @Field() label!: string;
  @Field({ description: 'Qui le reçoit.' }) audience!: string;
  @Field() enabled!: boolean;
  @Field(() => [Int], { description: 'Jours par rapport à la date concernée (négatif : avant).' })
  offsetsDays!: number[];
  @Field(() => Int, { nullable: true }) repeatEveryDays!: number | null;
  @Field(() => Int) maxRepeats!: number;
  @Field({ description: 'Jours ouvrés (jours fériés exclus) plutôt que jours de calendrier.' })
  workingDays!: boolean;
  @Field({ description: 'Le réglage par défaut s’applique.' }) isDefault!: boolean;
}

@InputType()
export class TuneReminderPolicyInput {
  @Field(() => ID)
  @IsUUID()
  territoryId!: string;

  @Field(() => ReminderKind)
  @IsEnum(ReminderKind)
  kind!: ReminderKind;

  @Field()
  @IsBoolean()
  enabled!: boolean;

  @Field(() => [Int])
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  offsetsDays!: number[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  repeatEveryDays?: number | null;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  maxRepeats!: number;
}

import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDate, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

@ObjectType('AuditEvent', {
  description: "Une entrée du journal d'audit : qui a fait ou lu quoi, sans la donnée elle-même.",
})
export class AuditEventObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  territoryId!: string;

  @Field({ description: 'Rang dans la chaîne du territoire.' })
  sequence!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => ID, { nullable: true })
  actorUserId!: string | null;

  @Field(() => String, { nullable: true, description: "Nom de l'auteur·rice (membre du territoire)." })
  actorName!: string | null;

  @Field(() => String, { nullable: true })
  requestId!: string | null;

  @Field()
  action!: string;

  @Field()
  subjectType!: string;

  @Field(() => ID, { nullable: true })
  subjectId!: string | null;

  @Field(() => ID, { nullable: true })
  personId!: string | null;

  @Field(() => [String])
  dataCategories!: string[];

  @Field({ description: 'Détails (identifiants, rôles, champs), en JSON.' })
  details!: string;
}

@InputType()
export class AuditEventFilterInput {
  @Field(() => ID)
  @IsUUID('all', { message: "L'identifiant du territoire n'est pas valide." })
  territoryId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: "L'identifiant de l'auteur·rice n'est pas valide." })
  actorUserId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(60, { message: "Le type d'objet est trop long." })
  subjectType?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: "L'identifiant de l'objet n'est pas valide." })
  subjectId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(60, { message: "L'action est trop longue." })
  action?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate({ message: 'La date de début n’est pas valide.' })
  from?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate({ message: 'La date de fin n’est pas valide.' })
  to?: Date;

  @Field({ nullable: true, description: 'Pour la page suivante : le rang le plus ancien déjà reçu.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  beforeSequence?: string;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1, { message: 'Demandez au moins un événement.' })
  @Max(200, { message: 'Au plus 200 événements par page.' })
  first!: number;
}

export enum AuditChainProblemKind {
  HASH_MISMATCH = 'HASH_MISMATCH',
  BROKEN_LINK = 'BROKEN_LINK',
  MISSING_EVENT = 'MISSING_EVENT',
  TRUNCATED = 'TRUNCATED',
}
registerEnumType(AuditChainProblemKind, { name: 'AuditChainProblem' });

@ObjectType('AuditChainReport')
export class AuditChainReportObject {
  @Field()
  valid!: boolean;

  @Field(() => Int)
  checkedEvents!: number;

  @Field(() => String, { nullable: true, description: 'Rang du premier maillon rompu.' })
  firstBrokenSequence!: string | null;

  @Field(() => ID, { nullable: true })
  firstBrokenEventId!: string | null;

  @Field(() => AuditChainProblemKind, { nullable: true })
  problem!: AuditChainProblemKind | null;
}

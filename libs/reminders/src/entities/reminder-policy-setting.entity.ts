import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReminderKind } from '../domain/reminder-kind';

/** A territory's tuning of one kind's default policy; absent means the default applies. */
@Entity({ name: 'reminder_policy_settings' })
@Index('ux_reminder_policy_settings_territory_kind', ['territoryId', 'kind'], { unique: true })
export class ReminderPolicySetting {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reminder_policy_settings' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'enum', enum: ReminderKind, enumName: 'reminder_kind' })
  kind!: ReminderKind;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  /** Days from the subject's date (negative: before it). */
  @Column({ type: 'int', array: true })
  offsetsDays!: number[];

  @Column({ type: 'int', nullable: true })
  repeatEveryDays!: number | null;

  @Column({ type: 'int' })
  maxRepeats!: number;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'uuid' })
  updatedByUserId!: string;
}

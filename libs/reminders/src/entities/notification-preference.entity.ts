import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EmailMode } from '../domain/reminder-kind';

/**
 * A user's choice of e-mail: each notice at once, one digest a day, or none. One row per territory
 * the user works in, so the territory's dispatch reads it under its own row-level security.
 */
@Entity({ name: 'notification_preferences' })
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_notification_preferences' })
  userId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_notification_preferences' })
  territoryId!: string;

  @Column({ type: 'enum', enum: EmailMode, enumName: 'email_mode', default: EmailMode.IMMEDIATE })
  emailMode!: EmailMode;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EmailMode } from '../domain/reminder-kind';

/** A user's choice of e-mail: each notice at once, one digest a day, or none. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_notification_preferences' })
  userId!: string;

  /** The user's own territory (`users.territory_id`), for row-level security. */
  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'enum', enum: EmailMode, enumName: 'email_mode', default: EmailMode.IMMEDIATE })
  emailMode!: EmailMode;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

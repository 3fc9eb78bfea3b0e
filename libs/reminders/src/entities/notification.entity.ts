import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MailStatus, ReminderKind } from '../domain/reminder-kind';
import { Reminder } from './reminder.entity';

/**
 * An in-app notice to one user, born of one reminder (unique: a reminder fired twice notifies
 * once). It keeps codes and ids only; its French text is rendered when read or mailed.
 */
@Entity({ name: 'notifications' })
@Index('ux_notifications_reminder', ['reminderId'], { unique: true })
@Index('ix_notifications_user_created', ['userId', 'createdAt'])
@Index('ix_notifications_mail_pending', ['territoryId', 'mailStatus'], {
  where: `"mail_status" IN ('PENDING_IMMEDIATE', 'PENDING_DIGEST')`,
})
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notifications' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  reminderId!: string;

  @ManyToOne(() => Reminder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reminder_id', foreignKeyConstraintName: 'fk_notifications_reminder' })
  reminder?: Reminder;

  @Column({ type: 'enum', enum: ReminderKind, enumName: 'reminder_kind' })
  kind!: ReminderKind;

  @Column({ type: 'text' })
  subjectType!: string;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'uuid', nullable: true })
  situationId!: string | null;

  /** The person's case code (never a name), copied when the notice is written. */
  @Column({ type: 'text', nullable: true })
  caseCode!: string | null;

  /** The date the notice is about (an action's due date, a meeting's day), `YYYY-MM-DD`. */
  @Column({ type: 'date', nullable: true })
  aboutOn!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ type: 'enum', enum: MailStatus, enumName: 'mail_status', default: MailStatus.NONE })
  mailStatus!: MailStatus;

  @Column({ type: 'timestamptz', nullable: true })
  mailedAt!: Date | null;
}

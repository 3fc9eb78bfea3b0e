import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReminderKind, ReminderStatus } from '../domain/reminder-kind';

/**
 * The truth about a reminder: Redis only holds a delayed job named after its id. Firing re-reads
 * this row and its subject; the unique `dedupe_key` keeps one reminder per occurrence.
 */
@Entity({ name: 'reminders' })
@Index('ux_reminders_dedupe_key', ['dedupeKey'], { unique: true })
@Index('ix_reminders_scheduled_due', ['dueAt'], { where: `"status" = 'SCHEDULED'` })
@Index('ix_reminders_territory_subject', ['territoryId', 'subjectType', 'subjectId'])
@Index('ix_reminders_territory_person', ['territoryId', 'personId'])
export class Reminder {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reminders' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'enum', enum: ReminderKind, enumName: 'reminder_kind' })
  kind!: ReminderKind;

  /** `SituationAction`, `Meeting`, `Consent`, `FollowUp`, `Handoff`, `Referral`… */
  @Column({ type: 'text' })
  subjectType!: string;

  @Column({ type: 'uuid' })
  subjectId!: string;

  /** The person it concerns, when there is one: a withdrawn consent cancels partners' reminders. */
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  situationId!: string | null;

  @Column({ type: 'uuid' })
  recipientUserId!: string;

  @Column({ type: 'uuid' })
  recipientOrganisationId!: string;

  /**
   * True when the recipient hears of the person only through the person's consent (a partner,
   * not the coordinator or the organisation that collected the consent).
   */
  @Column({ type: 'boolean', default: false })
  throughConsent!: boolean;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({
    type: 'enum',
    enum: ReminderStatus,
    enumName: 'reminder_status',
    default: ReminderStatus.SCHEDULED,
  })
  status!: ReminderStatus;

  /** kind, subject, occurrence and recipient: scheduling the same reminder twice finds it. */
  @Column({ type: 'text' })
  dedupeKey!: string;

  /** 1 for the first notice, 2… for the repeats of an overdue action. */
  @Column({ type: 'smallint', default: 1 })
  occurrence!: number;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  /** When it was sent, skipped or cancelled. */
  @Column({ type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  /** Why it was skipped or cancelled: a code (`ACTION_DONE`, `CONSENT_WITHDRAWN`…). */
  @Column({ type: 'text', nullable: true })
  settledReason!: string | null;
}

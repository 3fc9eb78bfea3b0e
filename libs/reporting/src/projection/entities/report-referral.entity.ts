import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One referral as the activity report counts it, from `referral.*` events: codes and days only.
 * `admissibility` is the coordinator's first reading (ADMISSIBLE when the pre-review starts or the
 * referral is accepted, CONSENT_NEEDED, REDIRECTED); `outcome` its end (ACCEPTED, REDIRECTED,
 * WITHDRAWN). A re-presentation is a referral examined at more than one meeting (`examinations > 1`).
 */
@Entity({ name: 'report_referrals' })
export class ReportReferral {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_referrals' })
  territoryId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_referrals' })
  referralId!: string;

  @Column({ type: 'uuid', nullable: true })
  situationId!: string | null;

  @Column({ type: 'date', nullable: true })
  submittedOn!: string | null;

  /** The referring organisation's kind (HOUSING, SOCIAL, PSYCHIATRY…). */
  @Column({ type: 'text', nullable: true })
  referrerKind!: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  difficultyAreas!: string[];

  @Column({ type: 'boolean', default: false })
  urgent!: boolean;

  /** LOW, MEDIUM, HIGH… as the referral form has it. */
  @Column({ type: 'text', nullable: true })
  urgency!: string | null;

  /** Nothing was tried before referring (no common-law route, no action tried). */
  @Column({ type: 'boolean', nullable: true })
  nothingTried!: boolean | null;

  @Column({ type: 'text', nullable: true })
  admissibility!: string | null;

  @Column({ type: 'date', nullable: true })
  admissibilityOn!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'date', nullable: true })
  outcomeOn!: string | null;

  /** Where a redirected referral was sent (a code). */
  @Column({ type: 'text', nullable: true })
  redirectTarget!: string | null;

  @Column({ type: 'date', nullable: true })
  firstExaminedOn!: string | null;

  @Column({ type: 'int', default: 0 })
  examinations!: number;

  /** The referral's lifecycle status after the last event. */
  @Column({ type: 'text' })
  status!: string;
}

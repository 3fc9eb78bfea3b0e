import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A situation examined at a meeting (one agenda item recorded). Referrals' first examination and
 * re-presentations are computed from these rows, whichever of the referral's acceptance and the
 * examination the projection met first.
 */
@Entity({ name: 'report_examinations' })
export class ReportExamination {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_examinations' })
  territoryId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_examinations' })
  agendaItemId!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  @Column({ type: 'uuid' })
  situationId!: string;

  @Column({ type: 'date' })
  examinedOn!: string;

  /** The agenda item's kind (new situation, review, re-examination). */
  @Column({ type: 'text' })
  itemKind!: string;

  /** How many times the situation had come before the cell, this one included. */
  @Column({ type: 'int' })
  presentation!: number;
}

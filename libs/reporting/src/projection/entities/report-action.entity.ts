import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One action decided at a meeting: when decided, due and done, its status, the owner's kind. */
@Entity({ name: 'report_actions' })
export class ReportAction {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_actions' })
  territoryId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_actions' })
  actionId!: string;

  @Column({ type: 'uuid', nullable: true })
  situationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  meetingId!: string | null;

  @Column({ type: 'date' })
  decidedOn!: string;

  @Column({ type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'date', nullable: true })
  doneOn!: string | null;

  /** TODO, IN_PROGRESS, DONE, BLOCKED, CANCELLED. */
  @Column({ type: 'text' })
  status!: string;

  /** The owner organisation's kind. */
  @Column({ type: 'text', nullable: true })
  ownerKind!: string | null;
}

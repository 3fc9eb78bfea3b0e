import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One situation: opened, closed and why (a ClosureReason code), last contact recorded. */
@Entity({ name: 'report_situations' })
export class ReportSituation {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_situations' })
  territoryId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_situations' })
  situationId!: string;

  @Column({ type: 'date', nullable: true })
  openedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  closureReason!: string | null;

  @Column({ type: 'date', nullable: true })
  lastContactOn!: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One derogation (sharing without consent): its legal ground and the decision on it. */
@Entity({ name: 'report_derogations' })
export class ReportDerogation {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_derogations' })
  territoryId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_derogations' })
  derogationId!: string;

  /** A DerogationGround code. */
  @Column({ type: 'text' })
  ground!: string;

  @Column({ type: 'date' })
  requestedOn!: string;

  /** PENDING, APPROVED, REJECTED. */
  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'date', nullable: true })
  decidedOn!: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One hand-off to common-law services: to which kind of partner, answered how, CMP follow-up. */
@Entity({ name: 'report_handoffs' })
export class ReportHandoff {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_handoffs' })
  territoryId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_handoffs' })
  handoffId!: string;

  @Column({ type: 'uuid', nullable: true })
  followUpId!: string | null;

  @Column({ type: 'uuid' })
  situationId!: string;

  @Column({ type: 'date' })
  proposedOn!: string;

  @Column({ type: 'date', nullable: true })
  answeredOn!: string | null;

  /** PROPOSED, ACCEPTED, DECLINED. */
  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text', nullable: true })
  receiverKind!: string | null;

  /** A CmpFollowUpStatus code. */
  @Column({ type: 'text', nullable: true })
  cmpFollowUp!: string | null;

  /** An EvictionProcedureState code at hand-off (the housing situation then). */
  @Column({ type: 'text', nullable: true })
  evictionState!: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One trinôme follow-up: its kind, span, renewals, acts (and how many at home), its end. */
@Entity({ name: 'report_follow_ups' })
export class ReportFollowUp {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_follow_ups' })
  territoryId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_follow_ups' })
  followUpId!: string;

  @Column({ type: 'uuid' })
  situationId!: string;

  /** The person record's opaque id (to count people followed). */
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  /** ASSESSMENT or HOUSING_SUSTAINMENT. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text', nullable: true })
  requesterKind!: string | null;

  @Column({ type: 'date' })
  startedOn!: string;

  @Column({ type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ type: 'int', default: 0 })
  renewals!: number;

  @Column({ type: 'int', default: 0 })
  acts!: number;

  @Column({ type: 'int', default: 0 })
  actsAtHome!: number;

  /** Null while the data does not say (a hand-off's eviction state is the only source). */
  @Column({ type: 'boolean', nullable: true })
  housedAtEnd!: boolean | null;
}

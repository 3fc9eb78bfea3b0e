import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member accepted a version of the territory's charter. */
@Entity({ name: 'report_charter_acceptances' })
export class ReportCharterAcceptance {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_charter_acceptances' })
  territoryId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_charter_acceptances' })
  membershipId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_report_charter_acceptances' })
  charterVersion!: string;

  @Column({ type: 'date' })
  acceptedOn!: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One membership of the territory: its organisation's kind and when it was active. */
@Entity({ name: 'report_memberships' })
export class ReportMembership {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_memberships' })
  territoryId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_memberships' })
  membershipId!: string;

  @Column({ type: 'text', nullable: true })
  organisationKind!: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  roles!: string[];

  @Column({ type: 'date' })
  activeFrom!: string;

  @Column({ type: 'date', nullable: true })
  activeUntil!: string | null;
}

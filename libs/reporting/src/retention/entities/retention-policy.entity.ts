import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A territory's departures from the default retention periods (null: the default), with why.
 * No row: every default applies.
 */
@Entity({ name: 'retention_policies' })
export class RetentionPolicySetting {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_retention_policies' })
  territoryId!: string;

  @Column({ type: 'integer', nullable: true })
  activeMonths!: number | null;

  @Column({ type: 'integer', nullable: true })
  archiveMonths!: number | null;

  @Column({ type: 'integer', nullable: true })
  auditMonths!: number | null;

  /** Why the territory departs from the defaults (French, written by its administrator). */
  @Column({ type: 'text', nullable: true })
  justification!: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'uuid' })
  updatedByUserId!: string;
}

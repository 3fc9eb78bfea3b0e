import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A fact other contexts must react to, written in the same transaction as the change it reports,
 * so it exists exactly when the change does. The worker's relay publishes pending rows in order
 * (per subject, by `sequence`) and stamps `published_at`; consumers are idempotent.
 */
@Entity({ name: 'outbox_events' })
@Index('ix_outbox_events_pending', ['sequence'], { where: '"published_at" IS NULL' })
@Index('ix_outbox_events_territory_subject', ['territoryId', 'subjectType', 'subjectId', 'sequence'])
export class OutboxEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_outbox_events' })
  id!: string;

  /** Total order of writing; the relay publishes by it. */
  @Column({ type: 'bigint', generated: 'increment' })
  sequence!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  /** `referral.submitted`, `consent.withdrawn`… */
  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  subjectType!: string;

  @Column({ type: 'uuid' })
  subjectId!: string;

  /** Ids and codes only: consumers re-read what they need, so no personal data travels. */
  @Column({ type: 'jsonb', default: {} })
  payload!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}

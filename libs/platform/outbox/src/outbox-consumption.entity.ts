import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * That `consumer` has handled an outbox event, written in the same transaction as what it did:
 * the relay delivers at least once, this row makes handling happen once.
 */
@Entity({ name: 'outbox_consumptions' })
export class OutboxConsumption {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_outbox_consumptions' })
  eventId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_outbox_consumptions' })
  consumer!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'timestamptz' })
  consumedAt!: Date;
}

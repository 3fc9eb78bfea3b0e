import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * A read's place in its territory's chain, written once by the chaining worker beside the read's
 * event, which is never changed: the link covers what the event says at this sequence. Events
 * written under the chain's lock carry their link in their own row instead.
 */
@Entity({ name: 'audit_read_links' })
// The event's position first: unique by itself, so finding a read's link never depends on how
// many links the territory has (a plan made before any statistics could otherwise scan them all).
@Unique('uq_audit_read_links_event', ['eventPosition', 'territoryId'])
export class AuditReadLink {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_audit_read_links' })
  territoryId!: string;

  /** Position in the territory's chain, shared with the events linked in their own row. */
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_audit_read_links' })
  sequence!: string;

  /** The linked event's `position`: unique per event, so a read is linked once. */
  @Column({ type: 'bigint' })
  eventPosition!: string;

  @Column({ type: 'text' })
  keyId!: string;

  @Column({ type: 'character', length: 64 })
  previousHash!: string;

  @Column({ type: 'character', length: 64 })
  hash!: string;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A set of reads linked into their territory's chain at one sequence, written once by the chaining
 * worker beside the reads' events, which are never changed: the link covers the reads' seals, and
 * each seal what its read says. Events written under the chain's lock carry their link in their
 * own row instead.
 */
@Entity({ name: 'audit_read_links' })
// The links a chaining round must know of: those reaching past where it starts looking.
@Index('ix_audit_read_links_territory_last_position', ['territoryId', 'lastPosition'])
export class AuditReadLink {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_audit_read_links' })
  territoryId!: string;

  /** Position in the territory's chain, shared with the events linked in their own row. */
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_audit_read_links' })
  sequence!: string;

  /** The `position` of each read linked, in the order linked. */
  @Column({ type: 'bigint', array: true })
  positions!: string[];

  /** Each read's seal as it was linked, in the same order: 32 bytes each, end to end. */
  @Column({ type: 'bytea' })
  seals!: Buffer;

  /** The greatest of `positions`. */
  @Column({ type: 'bigint' })
  lastPosition!: string;

  @Column({ type: 'text' })
  keyId!: string;

  @Column({ type: 'character', length: 64 })
  previousHash!: string;

  @Column({ type: 'character', length: 64 })
  hash!: string;
}

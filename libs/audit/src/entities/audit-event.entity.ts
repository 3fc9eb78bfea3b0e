import { Check, Column, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One thing done or read, never the data itself: ids, a verb and the categories touched.
 * The application's role may insert and read these rows, never change or delete them; a read is
 * inserted unchained (no lock) and its link written later beside it (`AuditReadLink`).
 */
@Entity({ name: 'audit_events' })
@Index('uq_audit_events_territory_sequence', ['territoryId', 'sequence'], {
  unique: true,
  where: '"sequence" IS NOT NULL',
})
@Check('ck_audit_events_linked', '("sequence" IS NULL) = ("previous_hash" IS NULL)')
// "Who saw this file" knows the file's id, not its type.
@Index('ix_audit_events_territory_subject', ['territoryId', 'subjectId', 'occurredAt'])
@Index('ix_audit_events_territory_person', ['territoryId', 'personId', 'occurredAt'])
@Index('ix_audit_events_territory_actor', ['territoryId', 'actorUserId', 'occurredAt'])
// The auditor's list of security events: only their rows, in chain order.
@Index('ix_audit_events_territory_security', ['territoryId', 'sequence'], {
  where: `"action" LIKE 'SECURITY\\_%'`,
})
// The journal in the order things were written; the reads the chaining worker links, in that order.
@Index('ix_audit_events_territory_position', ['territoryId', 'position'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_events' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  /**
   * Position in the territory's chain, from 1, without gaps, for events chained as they are
   * written; null for reads, whose place is in their link (`AuditReadLink`).
   */
  @Column({ type: 'bigint', nullable: true })
  sequence!: string | null;

  /**
   * The order events were written in, across territories, chained or not, drawn without a lock:
   * lists read most recent first by it, and reads are chained in its order.
   */
  @Column({ type: 'bigint' })
  @Generated('increment')
  position!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  /** Null for what the platform does by itself (a scheduled job). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  subjectType!: string;

  @Column({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  /** The person concerned, when there is one: answers "who saw this file". */
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  dataCategories!: string[];

  /** Ids, role names, field names — never a value typed about a person. */
  @Column({ type: 'jsonb', default: {} })
  details!: Record<string, unknown>;

  /**
   * The id of the key whose HMAC is `hash` (the key itself lives outside the database); null for
   * links written before the chain was keyed, which are plain SHA-256.
   */
  @Column({ type: 'text', nullable: true })
  keyId!: string | null;

  /** Null for reads (see `sequence`). */
  @Column({ type: 'character', length: 64, nullable: true })
  previousHash!: string | null;

  /** The link's HMAC; for a read, the event's own seal (`sealHash`) under `keyId`. */
  @Column({ type: 'character', length: 64 })
  hash!: string;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A purge of a territory's old events: up to `throughSequence` (whose hash it keeps) only the
 * events under a legal hold remain, `keptEvents` of them. Signed with the chain's key, so the
 * chain is verified from the first event kept and a forged purge does not excuse missing rows.
 * Written only by the database function that deletes (the application reads it).
 */
@Entity({ name: 'audit_chain_purges' })
@Index('ix_audit_chain_purges_territory', ['territoryId', 'throughSequence'])
export class AuditChainPurge {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_chain_purges' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'bigint' })
  throughSequence!: string;

  @Column({ type: 'character', length: 64 })
  throughHash!: string;

  @Column({ type: 'integer' })
  keptEvents!: number;

  @Column({ type: 'integer' })
  purgedEvents!: number;

  @Column({ type: 'timestamptz' })
  purgedAt!: Date;

  @Column({ type: 'text' })
  keyId!: string;

  @Column({ type: 'character', length: 64 })
  signature!: string;
}

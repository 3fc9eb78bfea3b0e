import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last link of a territory's chain; locking this row orders concurrent writers. */
@Entity({ name: 'audit_chain_heads' })
export class AuditChainHead {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_audit_chain_heads' })
  territoryId!: string;

  @Column({ type: 'bigint' })
  sequence!: string;

  @Column({ type: 'character', length: 64 })
  hash!: string;
}

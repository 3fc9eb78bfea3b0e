import { registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum LegalHoldScope {
  SITUATION = 'SITUATION',
  AUDIT_LOG = 'AUDIT_LOG',
}
registerEnumType(LegalHoldScope, {
  name: 'LegalHoldScope',
  description: 'Ce qu’un gel juridique protège de l’effacement.',
  valuesMap: {
    SITUATION: {
      description: 'Une situation : ni anonymisée, ni purgée du journal d’audit tant que le gel dure.',
    },
    AUDIT_LOG: { description: 'Le journal d’audit du territoire : aucun événement n’en est purgé.' },
  },
});

/**
 * A legal hold (a litigation, a request from a judge or the CNIL): while in force (not lifted),
 * what it covers is neither anonymised nor purged. Who placed and lifted it, and why, stay.
 */
@Entity({ name: 'legal_holds' })
@Check('ck_legal_holds_scope_situation', `("scope" = 'SITUATION') = ("situation_id" IS NOT NULL)`)
@Index('ix_legal_holds_territory_in_force', ['territoryId', 'scope'], { where: '"lifted_at" IS NULL' })
export class LegalHold {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_legal_holds' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'enum', enum: LegalHoldScope, enumName: 'legal_hold_scope' })
  scope!: LegalHoldScope;

  @Column({ type: 'uuid', nullable: true })
  situationId!: string | null;

  /** Why, in French; a reference to a procedure, never a text about the person. */
  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid' })
  placedByUserId!: string;

  @Column({ type: 'timestamptz' })
  placedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  liftedByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  liftedAt!: Date | null;
}

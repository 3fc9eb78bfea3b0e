import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReferralStatus } from '../domain/referral-status';

/** Every move of a referral: who, when, from where to where, and why. */
@Entity({ name: 'referral_transitions' })
@Index('ix_referral_transitions_referral', ['referralId', 'occurredAt'])
export class ReferralTransition {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_referral_transitions' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  referralId!: string;

  @Column({ type: 'enum', enum: ReferralStatus, enumName: 'referral_status', nullable: true })
  fromStatus!: ReferralStatus | null;

  @Column({ type: 'enum', enum: ReferralStatus, enumName: 'referral_status' })
  toStatus!: ReferralStatus;

  @Column({ type: 'uuid' })
  actorUserId!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}

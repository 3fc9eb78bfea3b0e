import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { ClosureReason, SituationRetentionState, SituationStatus } from '../domain/situation-status';
import { Person } from './person.entity';
import type { SituationCircleMember } from './situation-circle-member.entity';

/** What the cell follows once a referral is accepted; one open situation per person at most. */
@Entity({ name: 'situations' })
@Index('uq_situations_person_open', ['personId'], { unique: true, where: `"status" <> 'CLOSED'` })
@Index('ix_situations_territory_status', ['territoryId', 'status'])
@Index('ix_situations_territory_retention', ['territoryId', 'retentionState'])
// The list's order, an expression TypeORM cannot describe: created by its migration, left alone here.
@Index('ix_situations_territory_review_order', { synchronize: false })
export class Situation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_situations' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_situations_person' })
  person?: Person;

  @Column({ type: 'enum', enum: SituationStatus, enumName: 'situation_status' })
  status!: SituationStatus;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'enum', enum: ClosureReason, enumName: 'closure_reason', nullable: true })
  closureReason!: ClosureReason | null;

  @Column({ type: 'date', nullable: true })
  nextReviewOn!: string | null;

  /**
   * Where the situation stands in the retention lifecycle. Once ARCHIVED (closed and past the
   * active period, by the retention job) it is read-only (a trigger refuses any change), out of
   * every list, read by the coordination alone on request; ANONYMISED once its identity and free
   * texts are erased.
   */
  @Column({
    type: 'enum',
    enum: SituationRetentionState,
    enumName: 'situation_retention_state',
    default: SituationRetentionState.ACTIVE,
  })
  retentionState!: SituationRetentionState;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  /** Set when its identity and free texts were erased (the case code and dates stay). */
  @Column({ type: 'timestamptz', nullable: true })
  anonymisedAt!: Date | null;

  @OneToMany('SituationCircleMember', (member: SituationCircleMember) => member.situation)
  circle?: SituationCircleMember[];

  /** The referrals that led here, declared by name (they belong to the referrals context). */
  @OneToMany('Referral', 'situation')
  referrals?: object[];

  /** Guests invited to examine it at a meeting (the meetings context). */
  @OneToMany('ItemInvitation', 'situation')
  invitations?: object[];
}

import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Role } from '@relais/access';
import { MembershipStatus } from '../domain/membership-status';
import { Cell } from './cell.entity';
import { Territory } from './territory.entity';
import { User } from './user.entity';

/** A user's place in one territory: roles, optional cell, possibly as someone's substitute. */
@Entity({ name: 'memberships' })
@Unique('uq_memberships_territory_user', ['territoryId', 'userId'])
@Index('ix_memberships_user', ['userId'])
export class Membership {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_memberships' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @ManyToOne(() => Territory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id', foreignKeyConstraintName: 'fk_memberships_territory' })
  territory?: Territory;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_memberships_user' })
  user?: User;

  @Column({ type: 'enum', enum: Role, enumName: 'membership_role', array: true, default: '{}' })
  roles!: Role[];

  @Column({ type: 'uuid', nullable: true })
  cellId!: string | null;

  @ManyToOne(() => Cell, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cell_id', foreignKeyConstraintName: 'fk_memberships_cell' })
  cell?: Cell;

  /** The titular member this one stands in for at meetings. */
  @Column({ type: 'uuid', nullable: true })
  substituteOfId!: string | null;

  @ManyToOne(() => Membership, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'substitute_of_id', foreignKeyConstraintName: 'fk_memberships_substitute_of' })
  substituteOf?: Membership;

  @Column({
    type: 'enum',
    enum: MembershipStatus,
    enumName: 'membership_status',
    default: MembershipStatus.ACTIVE,
  })
  status!: MembershipStatus;

  @Column({ type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

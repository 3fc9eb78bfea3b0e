import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from '../../entities/user.entity';

/**
 * A forced enrolment, opened by a sign-in whose password was right: a short-lived, single-use
 * token (only its SHA-256 is kept) and the secret proposed to the authenticator until a first
 * code confirms it.
 */
@Entity({ name: 'second_factor_enrolments' })
@Unique('uq_second_factor_enrolments_token', ['tokenHash'])
@Index('ix_second_factor_enrolments_user', ['userId'])
export class SecondFactorEnrolment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_second_factor_enrolments' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_second_factor_enrolments_user' })
  user?: User;

  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /** Sealed like an enrolled secret; set when the enrolment is started. */
  @Column({ type: 'text', nullable: true })
  sealedSecret!: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

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
import { User } from './user.entity';

/**
 * A one-time link to set one's password. Only the SHA-256 of the token is kept: the link itself is
 * shown once or mailed, never stored. A newer link replaces the account's older unused ones.
 */
@Entity({ name: 'set_password_tokens' })
@Unique('uq_set_password_tokens_hash', ['tokenHash'])
@Index('ix_set_password_tokens_user', ['userId'])
export class SetPasswordToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_set_password_tokens' })
  id!: string;

  /** The account's territory (row-level security). */
  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_set_password_tokens_user' })
  user?: User;

  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /** The administrator who asked for it; null when the account's creation did. */
  @Column({ type: 'uuid', nullable: true })
  issuedByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Set when the password is set: the link cannot serve twice. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}

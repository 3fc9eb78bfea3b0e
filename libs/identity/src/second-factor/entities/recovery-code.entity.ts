import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from '../../entities/user.entity';

/**
 * One single-use recovery code; only its SHA-256 is kept (the code has 80 random bits). The unique
 * key on (user, hash) also serves the lookups by user.
 */
@Entity({ name: 'recovery_codes' })
@Unique('uq_recovery_codes_user_hash', ['userId', 'codeHash'])
export class RecoveryCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_recovery_codes' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_recovery_codes_user' })
  user?: User;

  @Column({ type: 'char', length: 64 })
  codeHash!: string;

  /** Set when used: a code works once. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

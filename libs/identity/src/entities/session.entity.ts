import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from './user.entity';

export type SessionEndReason =
  | 'LOGOUT'
  | 'REFRESH_TOKEN_REUSED'
  | 'IDLE_TIMEOUT'
  | 'EXPIRED'
  /** The user changed their password: their other sessions end. */
  | 'PASSWORD_CHANGED'
  /** A password was set through a set-password link. */
  | 'PASSWORD_SET'
  /** An administrator issued a new set-password link: the old password and its sessions end. */
  | 'PASSWORD_RESET'
  /** An administrator reset the user's second factor: they sign in and enrol again. */
  | 'SECOND_FACTOR_RESET';

/** A login: the family of rotating refresh tokens issued from it. */
@Entity({ name: 'sessions' })
@Index('ix_sessions_user', ['userId'])
@Index('ix_sessions_expires_at', ['expiresAt'])
export class Session {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sessions' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_sessions_user' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  endReason!: SessionEndReason | null;
}

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

/** node-postgres reads bigint as text; a time step (about 5.9e7 today) is a safe integer. */
const STEP = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A user's enrolled authenticator: its secret, sealed under a key the database does not hold. */
@Entity({ name: 'second_factors' })
@Unique('uq_second_factors_user', ['userId'])
export class SecondFactor {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_second_factors' })
  id!: string;

  /** The user's own territory (the one whose administrator created the account). */
  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_second_factors_user' })
  user?: User;

  /** `SecretBox` output: version, key id, nonce, AES-256-GCM ciphertext and tag. */
  @Column({ type: 'text' })
  sealedSecret!: string;

  /** The last TOTP time step accepted: a code of this step or an earlier one is refused (replay). */
  @Column({ type: 'bigint', nullable: true, transformer: STEP })
  lastAcceptedStep!: number | null;

  @Column({ type: 'timestamptz' })
  enrolledAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

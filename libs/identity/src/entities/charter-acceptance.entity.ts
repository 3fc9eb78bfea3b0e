import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Charter } from './charter.entity';
import { User } from './user.entity';

@Entity({ name: 'charter_acceptances' })
@Unique('uq_charter_acceptances_charter_user', ['charterId', 'userId'])
export class CharterAcceptance {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_charter_acceptances' })
  id!: string;

  /** The charter's territory, so that row-level security can scope acceptances too. */
  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  charterId!: string;

  @ManyToOne(() => Charter, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'charter_id', foreignKeyConstraintName: 'fk_charter_acceptances_charter' })
  charter?: Charter;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_charter_acceptances_user' })
  user?: User;

  @Column({ type: 'timestamptz' })
  acceptedAt!: Date;
}

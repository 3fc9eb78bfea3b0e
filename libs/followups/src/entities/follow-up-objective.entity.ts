import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ObjectiveStatus } from '../domain/follow-up.enums';
import { FollowUp } from './follow-up.entity';

/** What the follow-up sets out to achieve (SOCIAL_CONFIDENTIAL: the team and the coordinator). */
@Entity({ name: 'follow_up_objectives' })
@Index('ix_follow_up_objectives_follow_up', ['followUpId'])
export class FollowUpObjective {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_follow_up_objectives' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  followUpId!: string;

  @ManyToOne(() => FollowUp, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'follow_up_id', foreignKeyConstraintName: 'fk_follow_up_objectives_follow_up' })
  followUp?: FollowUp;

  @Column({ type: 'text' })
  text!: string;

  @Column({
    type: 'enum',
    enum: ObjectiveStatus,
    enumName: 'objective_status',
    default: ObjectiveStatus.OPEN,
  })
  status!: ObjectiveStatus;
}

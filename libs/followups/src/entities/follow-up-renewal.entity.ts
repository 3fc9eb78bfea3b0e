import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FollowUp } from './follow-up.entity';

@Entity({ name: 'follow_up_renewals' })
export class FollowUpRenewal {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_follow_up_renewals' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  followUpId!: string;

  @ManyToOne(() => FollowUp, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'follow_up_id', foreignKeyConstraintName: 'fk_follow_up_renewals_follow_up' })
  followUp?: FollowUp;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'date' })
  plannedEndOn!: string;

  @Column({ type: 'timestamptz' })
  renewedAt!: Date;
}

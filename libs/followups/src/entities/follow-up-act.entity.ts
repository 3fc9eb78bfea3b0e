import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ActType, NoteVisibility } from '../domain/follow-up.enums';
import { FollowUp } from './follow-up.entity';

/** One contact of the team with the person or a partner; its note reaches the team or health professionals only. */
@Entity({ name: 'follow_up_acts' })
@Index('ix_follow_up_acts_follow_up', ['followUpId', 'occurredOn'])
export class FollowUpAct {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_follow_up_acts' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  followUpId!: string;

  @ManyToOne(() => FollowUp, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'follow_up_id', foreignKeyConstraintName: 'fk_follow_up_acts_follow_up' })
  followUp?: FollowUp;

  @Column({ type: 'date' })
  occurredOn!: string;

  @Column({ type: 'enum', enum: ActType, enumName: 'act_type' })
  type!: ActType;

  @Column({ type: 'integer' })
  durationMinutes!: number;

  @Column({ type: 'uuid', array: true, default: '{}' })
  presentUserIds!: string[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'enum', enum: NoteVisibility, enumName: 'note_visibility' })
  noteVisibility!: NoteVisibility;

  @Column({ type: 'uuid' })
  authorUserId!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}

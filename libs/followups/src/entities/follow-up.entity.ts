import { Situation } from '@relais/situations';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { FollowUpKind, FollowUpPhase, RequesterKind, TeamRole } from '../domain/follow-up.enums';
import type { FollowUpTeamMember } from './follow-up-team-member.entity';

/** A trinôme follow-up of one situation. */
@Entity({ name: 'follow_ups' })
@Index('ix_follow_ups_territory_situation', ['territoryId', 'situationId'])
export class FollowUp {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_follow_ups' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  situationId!: string;

  @ManyToOne(() => Situation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'situation_id', foreignKeyConstraintName: 'fk_follow_ups_situation' })
  situation?: Situation;

  @Column({ type: 'enum', enum: FollowUpKind, enumName: 'follow_up_kind' })
  kind!: FollowUpKind;

  @Column({ type: 'enum', enum: RequesterKind, enumName: 'requester_kind' })
  requesterKind!: RequesterKind;

  /** The referral or the cell decision that asked for it. */
  @Column({ type: 'uuid', nullable: true })
  requestedByReferralId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedByDecisionId!: string | null;

  @Column({ type: 'enum', enum: FollowUpPhase, enumName: 'follow_up_phase' })
  phase!: FollowUpPhase;

  @Column({ type: 'date' })
  startedOn!: string;

  @Column({ type: 'date' })
  plannedEndOn!: string;

  @Column({ type: 'integer', default: 0 })
  renewals!: number;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  endReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** What the watch job has already announced, so that each fact is told once. */
  @Column({ type: 'boolean', default: false })
  plannedEndAnnounced!: boolean;

  @Column({ type: 'date', nullable: true })
  reviewAnnouncedOn!: string | null;

  @Column({ type: 'enum', enum: TeamRole, enumName: 'team_role', array: true, default: '{}' })
  announcedVacancies!: TeamRole[];

  @OneToMany('FollowUpTeamMember', (member: FollowUpTeamMember) => member.followUp)
  team?: FollowUpTeamMember[];
}

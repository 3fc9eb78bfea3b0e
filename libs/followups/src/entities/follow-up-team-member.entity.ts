import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TeamRole } from '../domain/follow-up.enums';
import { FollowUp } from './follow-up.entity';

/**
 * A professional holding a role in the team; `fromOn`/`untilOn` bound a replacement during an
 * absence (open bounds: the titular assignment).
 */
@Entity({ name: 'follow_up_team_members' })
@Index('ix_follow_up_team_members_follow_up', ['followUpId'])
@Index('ix_follow_up_team_members_territory_user', ['territoryId', 'userId'])
export class FollowUpTeamMember {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_follow_up_team_members' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  followUpId!: string;

  @ManyToOne(() => FollowUp, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'follow_up_id', foreignKeyConstraintName: 'fk_follow_up_team_members_follow_up' })
  followUp?: FollowUp;

  @Column({ type: 'enum', enum: TeamRole, enumName: 'team_role' })
  role!: TeamRole;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'date', nullable: true })
  fromOn!: string | null;

  @Column({ type: 'date', nullable: true })
  untilOn!: string | null;
}

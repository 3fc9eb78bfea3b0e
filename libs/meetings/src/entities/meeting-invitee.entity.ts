import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { InviteeKind } from '../domain/meeting.enums';
import { Meeting } from './meeting.entity';

/** A standing invitee: a permanent member of the cell, or a substitute. */
@Entity({ name: 'meeting_invitees' })
@Unique('uq_meeting_invitees_meeting_user', ['meetingId', 'userId'])
export class MeetingInvitee {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_meeting_invitees' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_meeting_invitees_meeting' })
  meeting?: Meeting;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'enum', enum: InviteeKind, enumName: 'invitee_kind' })
  kind!: InviteeKind;
}

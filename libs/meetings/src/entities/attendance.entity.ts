import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AttendanceStatus } from '../domain/meeting.enums';
import { Meeting } from './meeting.entity';

/** Who came to a meeting, who sent apologies, who was represented by a substitute. */
@Entity({ name: 'attendances' })
@Unique('uq_attendances_meeting_user', ['meetingId', 'userId'])
export class Attendance {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_attendances' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_attendances_meeting' })
  meeting?: Meeting;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'enum', enum: AttendanceStatus, enumName: 'attendance_status' })
  status!: AttendanceStatus;

  @Column({ type: 'uuid', nullable: true })
  representedByUserId!: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A held meeting's attendance by partner kind: organisations invited, organisations present. */
@Entity({ name: 'report_meeting_attendance' })
export class ReportMeetingAttendance {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_meeting_attendance' })
  territoryId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_meeting_attendance' })
  meetingId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_report_meeting_attendance' })
  organisationKind!: string;

  @Column({ type: 'int', default: 0 })
  invited!: number;

  @Column({ type: 'int', default: 0 })
  present!: number;
}

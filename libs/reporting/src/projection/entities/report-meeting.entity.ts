import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One meeting of the cell: planned, held (minutes published) or cancelled, and its items. */
@Entity({ name: 'report_meetings' })
export class ReportMeeting {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_meetings' })
  territoryId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_meetings' })
  meetingId!: string;

  @Column({ type: 'date' })
  plannedOn!: string;

  @Column({ type: 'date', nullable: true })
  heldOn!: string | null;

  @Column({ type: 'date', nullable: true })
  cancelledOn!: string | null;

  /** Agenda items examined. */
  @Column({ type: 'int', default: 0 })
  items!: number;
}

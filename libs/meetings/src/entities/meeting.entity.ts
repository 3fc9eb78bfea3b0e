import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { MeetingStatus } from '../domain/meeting.enums';
import type { ItemInvitation } from './item-invitation.entity';

/** A dated meeting of one cell. */
@Entity({ name: 'meetings' })
@Index('ix_meetings_territory_cell_starts_at', ['territoryId', 'cellId', 'startsAt'])
export class Meeting {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_meetings' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  cellId!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'integer', default: 120 })
  durationMinutes!: number;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ type: 'text', nullable: true })
  videoLink!: string | null;

  @Column({ type: 'enum', enum: MeetingStatus, enumName: 'meeting_status', default: MeetingStatus.PLANNED })
  status!: MeetingStatus;

  /** Meetings planned together as a monthly series share it. */
  @Column({ type: 'uuid', nullable: true })
  seriesId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  agendaPublishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany('ItemInvitation', (invitation: ItemInvitation) => invitation.meeting)
  invitations?: ItemInvitation[];
}

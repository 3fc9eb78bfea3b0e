import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DataSubjectRequestKind, DataSubjectRequestStatus } from '../domain/data-subject-request.enums';

/**
 * A request of the person about her data (access, rectification, opposition, erasure,
 * limitation), tracked from receipt to its answer. The person is named by id only.
 */
@Entity({ name: 'data_subject_requests' })
@Index('ix_data_subject_requests_territory_received', ['territoryId', 'receivedOn', 'id'])
@Index('ix_data_subject_requests_territory_person', ['territoryId', 'personId', 'receivedOn'])
export class DataSubjectRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_data_subject_requests' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  /** Not a foreign key: an erased person's requests stay, as the proof that she was answered. */
  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'enum', enum: DataSubjectRequestKind, enumName: 'data_subject_request_kind' })
  kind!: DataSubjectRequestKind;

  /** The Paris day the request reached the cell (AAAA-MM-JJ): the month to answer runs from it. */
  @Column({ type: 'date' })
  receivedOn!: string;

  /** What the person asked, in her words as noted (social-confidential). */
  @Column({ type: 'text' })
  request!: string;

  @Column({
    type: 'enum',
    enum: DataSubjectRequestStatus,
    enumName: 'data_subject_request_status',
    default: DataSubjectRequestStatus.RECEIVED,
  })
  status!: DataSubjectRequestStatus;

  /** What was done, or why it was refused (social-confidential). */
  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'date', nullable: true })
  answeredOn!: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredByUserId!: string | null;

  @Column({ type: 'uuid' })
  recordedByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}

import { DataCategory } from '@relais/access';
import { Person } from '@relais/situations';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DerogationGround, DerogationStatus } from '../domain/consent.enums';

/**
 * Sharing without consent (dérogation), only on a legal ground, with a written justification,
 * and only once a second health or social professional, not its author, has approved it.
 */
@Entity({ name: 'consent_exceptions' })
@Index('ix_consent_exceptions_territory_status', ['territoryId', 'status'])
@Index('ix_consent_exceptions_territory_person', ['territoryId', 'personId'])
export class ConsentException {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_consent_exceptions' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_consent_exceptions_person' })
  person?: Person;

  @Column({ type: 'uuid', nullable: true })
  referralId!: string | null;

  @Column({ type: 'enum', enum: DerogationGround, enumName: 'derogation_ground' })
  ground!: DerogationGround;

  /** Why consent cannot be asked and why sharing is necessary; SOCIAL_CONFIDENTIAL. */
  @Column({ type: 'text' })
  justification!: string;

  /** The partners the derogation lets receive the information. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  organisationIds!: string[];

  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category', array: true, default: '{}' })
  dataCategories!: DataCategory[];

  @Column({ type: 'enum', enum: DerogationStatus, enumName: 'derogation_status' })
  status!: DerogationStatus;

  @Column({ type: 'uuid' })
  requestedByUserId!: string;

  @Column({ type: 'uuid' })
  requestedByOrganisationId!: string;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionNote!: string | null;

  /** When the person must have been told that their situation was shared. */
  @Column({ type: 'date' })
  informPersonBy!: string;
}

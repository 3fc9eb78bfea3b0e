import { DataCategory } from '@relais/access';
import { OrganisationKind } from '@relais/identity';
import { Person } from '@relais/situations';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConsentMethod, ConsentPurpose, ConsentStatus, InformationItem } from '../domain/consent.enums';

/**
 * The person's answer, as collected: method, who collected it and when, what they were told, and
 * the scope — purposes × partners (named, or by kind, or the cell) × categories — until an expiry.
 * A consent is in force while GIVEN, not superseded by a newer answer and not expired.
 */
@Entity({ name: 'consents' })
@Index('ix_consents_territory_person', ['territoryId', 'personId', 'recordedAt'])
export class Consent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_consents' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_consents_person' })
  person?: Person;

  /** The referral it was collected for, when there is one. */
  @Column({ type: 'uuid', nullable: true })
  referralId!: string | null;

  @Column({ type: 'enum', enum: ConsentStatus, enumName: 'consent_status' })
  status!: ConsentStatus;

  @Column({ type: 'enum', enum: ConsentMethod, enumName: 'consent_method' })
  method!: ConsentMethod;

  /** The witness's capacity or the representative: who vouches for an oral or delegated answer. */
  @Column({ type: 'text', nullable: true })
  witnessOrRepresentative!: string | null;

  @Column({ type: 'uuid' })
  collectedByUserId!: string;

  @Column({ type: 'uuid' })
  collectedByOrganisationId!: string;

  @Column({ type: 'date' })
  collectedOn!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'enum', enum: InformationItem, enumName: 'information_item', array: true, default: '{}' })
  informationGiven!: InformationItem[];

  @Column({ type: 'boolean' })
  wishesToAttend!: boolean;

  @Column({ type: 'enum', enum: ConsentPurpose, enumName: 'consent_purpose', array: true, default: '{}' })
  purposes!: ConsentPurpose[];

  @Column({ type: 'uuid', array: true, default: '{}' })
  organisationIds!: string[];

  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind', array: true, default: '{}' })
  organisationKinds!: OrganisationKind[];

  /** The person agrees that the cell (coordinator and members, in plenary) examines the situation. */
  @Column({ type: 'boolean' })
  includesCell!: boolean;

  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category', array: true, default: '{}' })
  dataCategories!: DataCategory[];

  @Column({ type: 'date' })
  expiresOn!: string;

  /** Set when a newer answer of the person replaces this one. */
  @Column({ type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  withdrawnByUserId!: string | null;
}

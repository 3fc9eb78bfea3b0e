import { Person, Situation } from '@relais/situations';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DifficultyArea, RedirectTarget, ReferralRequest, Urgency } from '../domain/referral-form.enums';
import { ReferralStatus } from '../domain/referral-status';

/**
 * The fiche de saisine: who refers, about whom (by reference: identity lives with the person),
 * why, what was tried, what is asked. Each field's data category is on `ReferralObject`.
 */
@Entity({ name: 'referrals' })
@Index('ix_referrals_territory_organisation', ['territoryId', 'referrerOrganisationId', 'createdAt'])
@Index('ix_referrals_territory_status', ['territoryId', 'status'])
@Index('ix_referrals_person', ['personId'])
@Index('ix_referrals_situation', ['situationId'])
export class Referral {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_referrals' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_referrals_person' })
  person?: Person;

  @Column({ type: 'uuid' })
  referrerUserId!: string;

  @Column({ type: 'uuid' })
  referrerOrganisationId!: string;

  @Column({ type: 'enum', enum: ReferralStatus, enumName: 'referral_status', default: ReferralStatus.DRAFT })
  status!: ReferralStatus;

  @Column({ type: 'enum', enum: DifficultyArea, enumName: 'difficulty_area', array: true, default: '{}' })
  difficultyAreas!: DifficultyArea[];

  @Column({ type: 'text', array: true, default: '{}' })
  servicesInvolved!: string[];

  @Column({ type: 'text', nullable: true })
  actionsTried!: string | null;

  @Column({ type: 'text', nullable: true })
  blockages!: string | null;

  @Column({ type: 'text', nullable: true })
  questionToCell!: string | null;

  @Column({ type: 'enum', enum: Urgency, enumName: 'urgency', default: Urgency.MEDIUM })
  urgency!: Urgency;

  @Column({ type: 'enum', enum: ReferralRequest, enumName: 'referral_request', array: true, default: '{}' })
  requests!: ReferralRequest[];

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', nullable: true })
  housingContext!: string | null;

  /** Written only by a health professional; read only by health professionals. */
  @Column({ type: 'text', nullable: true })
  healthInformation!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'enum', enum: RedirectTarget, enumName: 'redirect_target', nullable: true })
  redirectTarget!: RedirectTarget | null;

  @Column({ type: 'text', nullable: true })
  redirectMessage!: string | null;

  @Column({ type: 'uuid', nullable: true })
  situationId!: string | null;

  @ManyToOne(() => Situation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'situation_id', foreignKeyConstraintName: 'fk_referrals_situation' })
  situation?: Situation;

  /** Another person of the territory with the same names and birth date: the coordinator's to check. */
  @Column({ type: 'uuid', nullable: true })
  possibleDuplicatePersonId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

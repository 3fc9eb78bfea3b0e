import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import {
  CmpFollowUpStatus,
  EvictionProcedureState,
  HandoffStatus,
  RightOpened,
} from '../domain/handoff.enums';
import { Situation } from './situation.entity';

/** Passage de relais: the situation handed to a common-law service, which accepts or declines it. */
@Entity({ name: 'handoffs' })
@Index('ix_handoffs_territory_situation', ['territoryId', 'situationId'])
@Index('ix_handoffs_territory_receiver', ['territoryId', 'receivingOrganisationId', 'status'])
export class Handoff {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_handoffs' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  situationId!: string;

  @ManyToOne(() => Situation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'situation_id', foreignKeyConstraintName: 'fk_handoffs_situation' })
  situation?: Situation;

  /** The follow-up handing over, when one does (the cell may hand off too). */
  @Column({ type: 'uuid', nullable: true })
  followUpId!: string | null;

  @Column({ type: 'uuid' })
  receivingOrganisationId!: string;

  @Column({ type: 'text', nullable: true })
  referentName!: string | null;

  @Column({ type: 'enum', enum: CmpFollowUpStatus, enumName: 'cmp_follow_up_status' })
  cmpFollowUpStatus!: CmpFollowUpStatus;

  @Column({ type: 'date', nullable: true })
  firstAppointmentOn!: string | null;

  @Column({ type: 'text', nullable: true })
  socialReferent!: string | null;

  @Column({ type: 'enum', enum: EvictionProcedureState, enumName: 'eviction_procedure_state' })
  evictionProcedureState!: EvictionProcedureState;

  @Column({ type: 'enum', enum: RightOpened, enumName: 'right_opened', array: true, default: '{}' })
  rightsOpened!: RightOpened[];

  @Column({ type: 'text', nullable: true })
  residualRisks!: string | null;

  @Column({ type: 'text', nullable: true })
  contacts!: string | null;

  @Column({ type: 'boolean' })
  personAgreed!: boolean;

  @Column({ type: 'enum', enum: HandoffStatus, enumName: 'handoff_status' })
  status!: HandoffStatus;

  @Column({ type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ type: 'uuid' })
  proposedByUserId!: string;

  @Column({ type: 'uuid' })
  proposedByOrganisationId!: string;

  @Column({ type: 'timestamptz' })
  proposedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  answeredByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}

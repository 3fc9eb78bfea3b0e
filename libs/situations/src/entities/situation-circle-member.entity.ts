import { LegalBasis } from '@relais/access';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Situation } from './situation.entity';

/** A partner organisation around the situation, and the relation that brought it there. */
@Entity({ name: 'situation_circle_members' })
@Unique('uq_situation_circle_members_situation_organisation', ['situationId', 'organisationId'])
@Index('ix_situation_circle_members_territory_organisation', ['territoryId', 'organisationId'])
export class SituationCircleMember {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_situation_circle_members' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  situationId!: string;

  @ManyToOne(() => Situation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'situation_id', foreignKeyConstraintName: 'fk_situation_circle_members_situation' })
  situation?: Situation;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'enum', enum: LegalBasis, enumName: 'legal_basis' })
  basis!: LegalBasis;

  @Column({ type: 'timestamptz' })
  addedAt!: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ActionOrigin, ActionStatus } from '../domain/action-status';
import { Person } from './person.entity';
import { Situation } from './situation.entity';

/** « Qui fait quoi pour quand »: an action owned by a partner, about a person and their situation. */
@Entity({ name: 'situation_actions' })
@Index('ix_situation_actions_territory_owner', ['territoryId', 'ownerOrganisationId', 'status'])
@Index('ix_situation_actions_territory_person', ['territoryId', 'personId'])
@Index('ix_situation_actions_origin', ['originId', 'createdAt'])
@Index('ix_situation_actions_situation_due', ['situationId', 'dueOn', 'id'])
export class SituationAction {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_situation_actions' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_situation_actions_person' })
  person?: Person;

  /** Null until the person's situation exists (a derogation may precede acceptance). */
  @Column({ type: 'uuid', nullable: true })
  situationId!: string | null;

  @ManyToOne(() => Situation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'situation_id', foreignKeyConstraintName: 'fk_situation_actions_situation' })
  situation?: Situation;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'uuid' })
  ownerOrganisationId!: string;

  @Column({ type: 'uuid', nullable: true })
  ownerUserId!: string | null;

  @Column({ type: 'date' })
  dueOn!: string;

  @Column({ type: 'enum', enum: ActionStatus, enumName: 'action_status', default: ActionStatus.TODO })
  status!: ActionStatus;

  @Column({ type: 'enum', enum: ActionOrigin, enumName: 'action_origin' })
  origin!: ActionOrigin;

  /** The derogation or decision that created it. */
  @Column({ type: 'uuid' })
  originId!: string;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}

import { DataCategory } from '@relais/access';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Situation } from './situation.entity';

/**
 * One line of a situation's timeline. It carries a kind, ids and the data category of what it
 * reveals — never free text about the person — and, when it concerns one partner only, that
 * partner: readers see the lines their relation and the sharing matrix allow.
 */
@Entity({ name: 'situation_events' })
@Index('ix_situation_events_territory_situation', ['territoryId', 'situationId', 'occurredAt'])
@Index('ix_situation_events_situation_occurred', ['situationId', 'occurredAt', 'id'])
export class SituationEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_situation_events' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  situationId!: string;

  @ManyToOne(() => Situation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'situation_id', foreignKeyConstraintName: 'fk_situation_events_situation' })
  situation?: Situation;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category' })
  category!: DataCategory;

  /** Set when the line concerns one partner only (an action addressed to it). */
  @Column({ type: 'uuid', nullable: true })
  audienceOrganisationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorOrganisationId!: string | null;

  @Column({ type: 'jsonb', default: {} })
  details!: Record<string, string | null>;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;
}

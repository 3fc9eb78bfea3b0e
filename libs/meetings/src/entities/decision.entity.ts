import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgendaItem } from './agenda-item.entity';

/** What the cell decided about a situation, and why. Its actions are `situation_actions`. */
@Entity({ name: 'decisions' })
@Index('ix_decisions_item', ['agendaItemId'])
export class Decision {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_decisions' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  agendaItemId!: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'fk_decisions_agenda_item' })
  item?: AgendaItem;

  @Column({ type: 'uuid' })
  situationId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  rationale!: string | null;

  @Column({ type: 'timestamptz' })
  decidedAt!: Date;
}

import { DataCategory } from '@relais/access';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgendaItem } from './agenda-item.entity';

/** A note kept to the readers its category allows (HEALTH_SECRET: health professionals who were there). */
@Entity({ name: 'restricted_notes' })
@Index('ix_restricted_notes_item', ['agendaItemId'])
export class RestrictedNote {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_restricted_notes' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  agendaItemId!: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'fk_restricted_notes_agenda_item' })
  item?: AgendaItem;

  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category' })
  category!: DataCategory;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'uuid' })
  authorUserId!: string;

  @Column({ type: 'timestamptz' })
  writtenAt!: Date;
}

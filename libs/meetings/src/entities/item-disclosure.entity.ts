import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AgendaItem } from './agenda-item.entity';

/** The disclosure log: who was in the room when an item was discussed. */
@Entity({ name: 'item_disclosures' })
@Unique('uq_item_disclosures_item_user', ['agendaItemId', 'userId'])
export class ItemDisclosure {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_item_disclosures' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  agendaItemId!: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'fk_item_disclosures_agenda_item' })
  item?: AgendaItem;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;
}

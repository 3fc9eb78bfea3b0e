import { Situation } from '@relais/situations';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AgendaItem } from './agenda-item.entity';
import { Meeting } from './meeting.entity';

/**
 * A guest partner for one situation at one meeting; it lapses when that meeting's minutes are
 * published (`lapsedAt`), and with it the guest's view of the situation.
 */
@Entity({ name: 'item_invitations' })
@Unique('uq_item_invitations_item_organisation', ['agendaItemId', 'organisationId'])
@Index('ix_item_invitations_territory_organisation', ['territoryId', 'organisationId'])
@Index('ix_item_invitations_meeting_organisation', ['meetingId', 'organisationId'])
@Index('ix_item_invitations_situation_organisation', ['situationId', 'organisationId'])
export class ItemInvitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_item_invitations' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  agendaItemId!: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'fk_item_invitations_agenda_item' })
  item?: AgendaItem;

  @Column({ type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_item_invitations_meeting' })
  meeting?: Meeting;

  @Column({ type: 'uuid' })
  situationId!: string;

  @ManyToOne(() => Situation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'situation_id', foreignKeyConstraintName: 'fk_item_invitations_situation' })
  situation?: Situation;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'timestamptz', nullable: true })
  lapsedAt!: Date | null;
}

import { Situation } from '@relais/situations';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { DataCategory } from '@relais/access';
import { AgendaItemKind, PersonAnswer, SuggestionReason } from '../domain/meeting.enums';
import type { ItemDisclosure } from './item-disclosure.entity';
import type { ItemInvitation } from './item-invitation.entity';
import { Meeting } from './meeting.entity';

/** One situation on one meeting's agenda. */
@Entity({ name: 'agenda_items' })
@Unique('uq_agenda_items_meeting_situation', ['meetingId', 'situationId'])
@Index('ix_agenda_items_territory_situation', ['territoryId', 'situationId'])
export class AgendaItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agenda_items' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_agenda_items_meeting' })
  meeting?: Meeting;

  @Column({ type: 'uuid' })
  situationId!: string;

  @ManyToOne(() => Situation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'situation_id', foreignKeyConstraintName: 'fk_agenda_items_situation' })
  situation?: Situation;

  /** From 1, as the coordinator orders the items. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'enum', enum: AgendaItemKind, enumName: 'agenda_item_kind' })
  kind!: AgendaItemKind;

  @Column({ type: 'integer' })
  minutes!: number;

  @Column({ type: 'uuid', nullable: true })
  presenterOrganisationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  presenterUserId!: string | null;

  /** Why it is on the agenda, when Relais proposed it. */
  @Column({ type: 'enum', enum: SuggestionReason, enumName: 'suggestion_reason', nullable: true })
  reason!: SuggestionReason | null;

  /** 1 the first time the cell examines the situation, then 2, 3… */
  @Column({ type: 'integer' })
  presentation!: number;

  @OneToMany('ItemInvitation', (invitation: ItemInvitation) => invitation.item)
  invitations?: ItemInvitation[];

  /** Who was in the room for this item; the policies read it (no column of its own). */
  @OneToMany('ItemDisclosure', (disclosure: ItemDisclosure) => disclosure.item)
  disclosures?: ItemDisclosure[];

  /** Set when the item's examination is recorded; the situation is then EXAMINED. */
  @Column({ type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;

  /** The discussion, SOCIAL_CONFIDENTIAL unless the coordinator files it elsewhere. */
  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Column({
    type: 'enum',
    enum: DataCategory,
    enumName: 'data_category',
    default: DataCategory.SOCIAL_CONFIDENTIAL,
  })
  summaryCategory!: DataCategory;

  @Column({ type: 'boolean', nullable: true })
  personAttended!: boolean | null;

  @Column({ type: 'date', nullable: true })
  personInformedOn!: string | null;

  @Column({ type: 'enum', enum: PersonAnswer, enumName: 'person_answer', nullable: true })
  personAnswer!: PersonAnswer | null;

  @Column({ type: 'date', nullable: true })
  nextReviewOn!: string | null;
}

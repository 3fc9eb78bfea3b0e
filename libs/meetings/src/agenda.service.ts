import { Injectable } from '@nestjs/common';
import { AccessException, AccessService, DataCategory, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ConsentPurpose, ConsentService } from '@relais/consent';
import { ScopedDatabase } from '@relais/database';
import { Organisation } from '@relais/identity';
import { writeOutbox } from '@relais/outbox';
import { Situation, SituationService, SituationStatus } from '@relais/situations';
import { EntityManager, In, Not } from 'typeorm';
import { AGENDA_EDITABLE, AgendaItemKind, MeetingStatus } from './domain/meeting.enums';
import { AgendaItemInput, MeetingObject, ReorderAgendaInput, UpdateAgendaItemInput } from './dto/meeting.dto';
import { AgendaItem, ItemInvitation, Meeting, MeetingInvitee } from './entities';
import { toMeetingObject } from './meeting.mapper';
import { MeetingLifecycle } from './meeting-lifecycle';
import { MeetingException } from './meetings.exception';

const DEFAULT_ITEM_MINUTES = 15;

/**
 * Building a meeting's agenda: the coordinator's until published; publishing freezes it, and the
 * situations on it become SCHEDULED. Reading it is `AgendaQueryService`'s.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly situations: SituationService,
    private readonly consents: ConsentService,
    private readonly lifecycle: MeetingLifecycle,
    private readonly clock: Clock,
  ) {}

  async addAgendaItem(actor: Principal, input: AgendaItemInput): Promise<string> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const meeting = await this.editableAgenda(manager, actor, input.meetingId);
      const situation = await manager.findOneBy(Situation, {
        id: input.situationId,
        territoryId: meeting.territoryId,
      });
      if (!situation) throw new AccessException('NOT_FOUND');
      if (situation.status === SituationStatus.CLOSED)
        throw new MeetingException('SITUATION_NOT_SCHEDULABLE');
      if (await manager.existsBy(AgendaItem, { meetingId: meeting.id, situationId: situation.id })) {
        throw new MeetingException('SITUATION_NOT_SCHEDULABLE');
      }
      const examinable = await this.consents.consentCovers(manager, situation.personId, {
        purpose: ConsentPurpose.CELL_EXAMINATION,
      });
      if (!examinable) {
        throw new MeetingException('NOT_NAMEABLE');
      }
      await this.assertPartners(
        manager,
        meeting.territoryId,
        input.guestOrganisationIds,
        input.presenterOrganisationId,
      );
      const earlier = await manager
        .getRepository(AgendaItem)
        .createQueryBuilder('item')
        .innerJoin(Meeting, 'meeting', 'meeting.id = item.meetingId')
        .where('item.situationId = :situationId AND meeting.status <> :cancelled', {
          situationId: situation.id,
          cancelled: MeetingStatus.CANCELLED,
        })
        .getCount();
      const last = await manager
        .getRepository(AgendaItem)
        .createQueryBuilder('item')
        .select('coalesce(max(item.position), 0)', 'position')
        .where('item.meetingId = :meetingId', { meetingId: meeting.id })
        .getRawOne<{ position: number }>();
      const item = await manager.save(
        manager.create(AgendaItem, {
          territoryId: meeting.territoryId,
          meetingId: meeting.id,
          situationId: situation.id,
          position: Number(last?.position ?? 0) + 1,
          kind: input.kind ?? (earlier ? AgendaItemKind.REVIEW : AgendaItemKind.NEW),
          minutes: input.minutes ?? DEFAULT_ITEM_MINUTES,
          presenterOrganisationId: input.presenterOrganisationId ?? null,
          presenterUserId: input.presenterUserId ?? null,
          reason: input.reason ?? null,
          presentation: earlier + 1,
        }),
      );
      await this.inviteGuests(manager, item, input.guestOrganisationIds);
      await this.audit.record(manager, {
        territoryId: meeting.territoryId,
        actor,
        action: 'AGENDA_ITEM_ADDED',
        subject: { type: 'AgendaItem', id: item.id },
        personId: situation.personId,
        details: { meetingId: meeting.id, guests: input.guestOrganisationIds },
      });
      return meeting.id;
    });
  }

  async updateAgendaItem(actor: Principal, input: UpdateAgendaItemInput): Promise<string> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: item } = await this.access.loadAccessible(
        manager,
        actor,
        'read',
        AgendaItem,
        input.itemId,
      );
      const meeting = await this.editableAgenda(manager, actor, item.meetingId);
      await this.assertPartners(
        manager,
        meeting.territoryId,
        input.guestOrganisationIds,
        input.presenterOrganisationId,
      );
      await manager.update(
        AgendaItem,
        { id: item.id },
        {
          kind: input.kind,
          minutes: input.minutes,
          presenterOrganisationId: input.presenterOrganisationId ?? null,
          presenterUserId: input.presenterUserId ?? null,
        },
      );
      await manager.delete(ItemInvitation, {
        agendaItemId: item.id,
        organisationId: Not(In(input.guestOrganisationIds)),
      });
      await this.inviteGuests(manager, item, input.guestOrganisationIds);
      await this.audit.record(manager, {
        territoryId: meeting.territoryId,
        actor,
        action: 'AGENDA_ITEM_UPDATED',
        subject: { type: 'AgendaItem', id: item.id },
        details: { guests: input.guestOrganisationIds },
      });
      return meeting.id;
    });
  }

  async removeAgendaItem(actor: Principal, itemId: string): Promise<string> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: item } = await this.access.loadAccessible(manager, actor, 'read', AgendaItem, itemId);
      const meeting = await this.editableAgenda(manager, actor, item.meetingId);
      await manager.delete(AgendaItem, { id: item.id });
      await manager.query(
        `UPDATE agenda_items SET position = position - 1 WHERE meeting_id = $1 AND position > $2`,
        [meeting.id, item.position],
      );
      await this.audit.record(manager, {
        territoryId: meeting.territoryId,
        actor,
        action: 'AGENDA_ITEM_REMOVED',
        subject: { type: 'AgendaItem', id: item.id },
        details: { meetingId: meeting.id },
      });
      return meeting.id;
    });
  }

  async reorderAgenda(actor: Principal, input: ReorderAgendaInput): Promise<string> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const meeting = await this.editableAgenda(manager, actor, input.meetingId);
      const items = await manager.findBy(AgendaItem, { meetingId: meeting.id });
      const listed = new Set(input.itemIds);
      if (
        listed.size !== input.itemIds.length ||
        items.length !== listed.size ||
        items.some((item) => !listed.has(item.id))
      ) {
        throw new MeetingException('AGENDA_MISMATCH');
      }
      await manager.query(
        `UPDATE agenda_items SET position = ordered.position
           FROM unnest($2::uuid[]) WITH ORDINALITY AS ordered(id, position)
          WHERE agenda_items.id = ordered.id AND agenda_items.meeting_id = $1`,
        [meeting.id, input.itemIds],
      );
      return meeting.id;
    });
  }

  /** Freezes the agenda, schedules its situations and tells the invitees (through the outbox). */
  publishAgenda(actor: Principal, meetingId: string): Promise<MeetingObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const meeting = await this.lifecycle.loadFor(manager, actor, 'publishAgenda', meetingId);
      const now = this.clock.now();
      await this.lifecycle.move(manager, actor, meeting, MeetingStatus.AGENDA_PUBLISHED, {
        agendaPublishedAt: now,
      });
      const items = await manager.find(AgendaItem, { where: { meetingId }, relations: { situation: true } });
      for (const item of items) {
        const situation = item.situation!;
        if (this.situations.canMove(situation, SituationStatus.SCHEDULED)) {
          await this.situations.moveSituation(manager, situation, SituationStatus.SCHEDULED, {
            kind: 'SITUATION_SCHEDULED',
            category: DataCategory.LOGISTIC,
            actorOrganisationId: actor.organisationId,
            details: { meetingId },
          });
        }
      }
      const invitees = await manager.findBy(MeetingInvitee, { meetingId });
      const guests = await manager.findBy(ItemInvitation, { meetingId });
      await writeOutbox(manager, {
        territoryId: meeting.territoryId,
        type: 'meeting.agenda_published',
        subject: { type: 'Meeting', id: meeting.id },
        payload: {
          userIds: invitees.map((invitee) => invitee.userId),
          organisationIds: [...new Set(guests.map((guest) => guest.organisationId))],
        },
        occurredAt: now,
      });
      return toMeetingObject(meeting);
    });
  }

  private async editableAgenda(
    manager: EntityManager,
    actor: Principal,
    meetingId: string,
  ): Promise<Meeting> {
    const meeting = await this.lifecycle.loadFor(manager, actor, 'editAgenda', meetingId);
    if (!AGENDA_EDITABLE.includes(meeting.status)) throw new MeetingException('AGENDA_FROZEN');
    return meeting;
  }

  private async assertPartners(
    manager: EntityManager,
    territoryId: string,
    guests: readonly string[],
    presenter: string | null | undefined,
  ): Promise<void> {
    const ids = [...new Set([...guests, ...(presenter ? [presenter] : [])])];
    if (!ids.length) return;
    const known = await manager.countBy(Organisation, { territoryId, id: In(ids) });
    if (known !== ids.length) {
      throw new MeetingException('INVALID_MEETING', [
        { field: 'guestOrganisationIds', message: 'Un des partenaires est inconnu dans ce territoire.' },
      ]);
    }
  }

  private async inviteGuests(
    manager: EntityManager,
    item: AgendaItem,
    organisationIds: readonly string[],
  ): Promise<void> {
    if (!organisationIds.length) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ItemInvitation)
      .values(
        [...new Set(organisationIds)].map((organisationId) => ({
          territoryId: item.territoryId,
          agendaItemId: item.id,
          meetingId: item.meetingId,
          situationId: item.situationId,
          organisationId,
          lapsedAt: null,
        })),
      )
      .orIgnore()
      .execute();
  }
}

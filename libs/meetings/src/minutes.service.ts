import { Injectable } from '@nestjs/common';
import { AccessException, AccessService, DataCategory, Principal, visibleCategories } from '@relais/access';
import { AuditService } from '@relais/audit';
import { addMonths, Clock, isCalendarDate, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { membersAmong, Organisation, Territory, withDefaultSettings } from '@relais/identity';
import { writeOutbox } from '@relais/outbox';
import { ActionOrigin, Situation, SituationService, SituationStatus } from '@relais/situations';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { AttendanceStatus, MeetingStatus } from './domain/meeting.enums';
import {
  PersonAnswerInput,
  RecordAttendanceInput,
  RecordItemInput,
  RestrictedNoteInput,
} from './dto/minutes.dto';
import { MeetingObject } from './dto/meeting.dto';
import {
  AgendaItem,
  Attendance,
  Decision,
  ItemDisclosure,
  ItemInvitation,
  Meeting,
  RestrictedNote,
} from './entities';
import { attendanceByKind } from './attendance-by-kind';
import { toMeetingObject } from './meeting.mapper';
import { MeetingLifecycle } from './meeting-lifecycle';
import { MeetingException } from './meetings.exception';

/** The meeting may be recorded once its agenda is published, until the minutes are. */
const RECORDABLE: readonly MeetingStatus[] = [MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD];

/**
 * During and after the meeting: attendance, each item's examination (who was in the room, what
 * was said and decided, the actions), restricted notes, the person's answer; then the minutes'
 * publication. Reading them is `MinutesQueryService`'s.
 */
@Injectable()
export class MinutesService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly situations: SituationService,
    private readonly lifecycle: MeetingLifecycle,
    private readonly clock: Clock,
  ) {}

  recordAttendance(actor: Principal, input: RecordAttendanceInput): Promise<MeetingObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const meeting = await this.recordable(manager, actor, input.meetingId);
      const userIds = [
        ...new Set(
          input.entries.flatMap((entry) => [
            entry.userId,
            ...(entry.representedByUserId ? [entry.representedByUserId] : []),
          ]),
        ),
      ];
      const members = await this.membersOf(manager, meeting.territoryId, userIds);
      for (const entry of input.entries) {
        if (entry.status === AttendanceStatus.REPRESENTED && !entry.representedByUserId) {
          throw new MeetingException('INVALID_MEETING', [
            { field: 'entries.representedByUserId', message: 'Indiquez le ou la suppléant·e présent·e.' },
          ]);
        }
      }
      await manager.delete(Attendance, {
        meetingId: meeting.id,
        userId: In(input.entries.map((entry) => entry.userId)),
      });
      if (input.entries.length) {
        await manager.insert(
          Attendance,
          input.entries.map((entry) => ({
            territoryId: meeting.territoryId,
            meetingId: meeting.id,
            userId: entry.userId,
            organisationId: members.get(entry.userId)!,
            status: entry.status,
            representedByUserId:
              entry.status === AttendanceStatus.REPRESENTED ? entry.representedByUserId! : null,
          })),
        );
      }
      await this.audit.record(manager, {
        territoryId: meeting.territoryId,
        actor,
        action: 'ATTENDANCE_RECORDED',
        subject: { type: 'Meeting', id: meeting.id },
        details: { entries: input.entries.length },
      });
      return toMeetingObject(meeting);
    });
  }

  /** Records the examination once: the situation is EXAMINED, decisions and their actions exist. */
  recordItem(actor: Principal, input: RecordItemInput): Promise<MeetingObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: item } = await this.access.loadAccessible(
        manager,
        actor,
        'read',
        AgendaItem,
        input.itemId,
        'pessimistic_write',
      );
      const meeting = await this.recordable(manager, actor, item.meetingId);
      if (item.recordedAt) throw new MeetingException('INVALID_TRANSITION');
      const today = parisDate(this.clock.now());
      const territory = await manager.findOneByOrFail(Territory, { id: meeting.territoryId });
      const nextReviewOn =
        input.nextReviewOn ??
        addMonths(parisDate(meeting.startsAt), withDefaultSettings(territory.settings).reviewIntervalMonths);
      const badDates = [
        ...(isCalendarDate(nextReviewOn) && nextReviewOn > today
          ? []
          : [{ field: 'nextReviewOn', message: 'Le réexamen doit être à venir.' }]),
        ...input.decisions.flatMap((decision, d) =>
          decision.actions
            .map((action, a) => ({ action, a }))
            .filter(({ action }) => !isCalendarDate(action.dueOn) || action.dueOn < today)
            .map(({ a }) => ({
              field: `decisions.${d}.actions.${a}.dueOn`,
              message: "L'échéance doit être aujourd'hui ou plus tard.",
            })),
        ),
      ];
      if (badDates.length) throw new MeetingException('INVALID_MEETING', badDates);
      const owners = input.decisions.flatMap((decision) =>
        decision.actions.map((action) => action.ownerOrganisationId),
      );
      const ownerKinds = new Map<string, string>();
      if (owners.length) {
        const known = await manager.findBy(Organisation, {
          territoryId: meeting.territoryId,
          id: In([...new Set(owners)]),
        });
        for (const organisation of known) ownerKinds.set(organisation.id, organisation.kind);
        if (known.length !== new Set(owners).size) {
          throw new MeetingException('INVALID_MEETING', [
            {
              field: 'decisions',
              message: 'Une action est confiée à un partenaire inconnu dans ce territoire.',
            },
          ]);
        }
      }
      const present = await this.membersOf(manager, meeting.territoryId, input.presentUserIds);
      const situation = await manager.findOneByOrFail(Situation, { id: item.situationId });
      const now = this.clock.now();

      await manager.update(
        AgendaItem,
        { id: item.id },
        {
          recordedAt: now,
          summary: input.summary ?? null,
          personAttended: input.personAttended,
          nextReviewOn,
        },
      );
      if (present.size) {
        await manager.insert(
          ItemDisclosure,
          [...present].map(([userId, organisationId]) => ({
            territoryId: meeting.territoryId,
            agendaItemId: item.id,
            userId,
            organisationId,
          })),
        );
      }
      for (const input_ of input.decisions) {
        const decision = await manager.save(
          manager.create(Decision, {
            territoryId: meeting.territoryId,
            agendaItemId: item.id,
            situationId: item.situationId,
            text: input_.text,
            rationale: input_.rationale ?? null,
            decidedAt: now,
          }),
        );
        for (const action of input_.actions) {
          const created = await this.situations.createAction(manager, {
            territoryId: meeting.territoryId,
            personId: situation.personId,
            description: action.description,
            ownerOrganisationId: action.ownerOrganisationId,
            ownerUserId: action.ownerUserId ?? null,
            dueOn: action.dueOn,
            origin: ActionOrigin.DECISION,
            originId: decision.id,
          });
          await this.situations.recordEvent(manager, {
            territoryId: meeting.territoryId,
            situationId: situation.id,
            kind: 'ACTION_CREATED',
            category: DataCategory.LOGISTIC,
            audienceOrganisationId: action.ownerOrganisationId,
            details: { actionId: created.id },
          });
          await writeOutbox(manager, {
            territoryId: meeting.territoryId,
            type: 'action.created',
            subject: { type: 'SituationAction', id: created.id },
            payload: {
              personId: created.personId,
              situationId: created.situationId,
              meetingId: meeting.id,
              ownerOrganisationId: created.ownerOrganisationId,
              ownerUserId: created.ownerUserId,
              ownerKind: ownerKinds.get(created.ownerOrganisationId) ?? null,
              dueOn: created.dueOn,
              status: created.status,
            },
            occurredAt: now,
          });
        }
      }
      if (this.situations.canMove(situation, SituationStatus.EXAMINED)) {
        await this.situations.moveSituation(manager, situation, SituationStatus.EXAMINED, {
          kind: 'SITUATION_EXAMINED',
          category: DataCategory.LOGISTIC,
          actorOrganisationId: actor.organisationId,
          details: { meetingId: meeting.id },
        });
      }
      await writeOutbox(manager, {
        territoryId: meeting.territoryId,
        type: 'meeting.item_examined',
        subject: { type: 'Meeting', id: meeting.id },
        payload: {
          agendaItemId: item.id,
          situationId: item.situationId,
          itemKind: item.kind,
          presentation: item.presentation,
          examinedOn: parisDate(meeting.startsAt),
        },
        occurredAt: now,
      });
      await this.audit.record(manager, {
        territoryId: meeting.territoryId,
        actor,
        action: 'AGENDA_ITEM_RECORDED',
        subject: { type: 'AgendaItem', id: item.id },
        personId: situation.personId,
        details: { decisions: input.decisions.length, present: input.presentUserIds },
      });
      return toMeetingObject(meeting);
    });
  }

  /**
   * Written by the coordinator or someone who was in the room (NOT_FOUND for anyone else), in a
   * category the writer may read there: health notes by health professionals only.
   */
  addRestrictedNote(actor: Principal, input: RestrictedNoteInput): Promise<boolean> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: item, access } = await this.access.loadAccessible(
        manager,
        actor,
        'addNote',
        AgendaItem,
        input.itemId,
      );
      if (!visibleCategories(actor, item.territoryId, access).has(input.category)) {
        throw new AccessException('FORBIDDEN');
      }
      const note = await manager.save(
        manager.create(RestrictedNote, {
          territoryId: item.territoryId,
          agendaItemId: item.id,
          category: input.category,
          text: input.text,
          authorUserId: actor.userId,
          writtenAt: this.clock.now(),
        }),
      );
      await this.audit.record(manager, {
        territoryId: item.territoryId,
        actor,
        action: 'RESTRICTED_NOTE_WRITTEN',
        subject: { type: 'RestrictedNote', id: note.id },
        dataCategories: [input.category],
      });
      return true;
    });
  }

  recordPersonAnswer(actor: Principal, input: PersonAnswerInput): Promise<boolean> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: item } = await this.access.loadAccessible(
        manager,
        actor,
        'read',
        AgendaItem,
        input.itemId,
      );
      await this.lifecycle.loadFor(manager, actor, 'record', item.meetingId);
      if (!item.recordedAt) throw new MeetingException('INVALID_TRANSITION');
      if (!isCalendarDate(input.informedOn) || input.informedOn > parisDate(this.clock.now())) {
        throw new MeetingException('INVALID_MEETING', [
          { field: 'informedOn', message: 'La date doit être passée ou aujourd’hui.' },
        ]);
      }
      await manager.update(
        AgendaItem,
        { id: item.id },
        { personInformedOn: input.informedOn, personAnswer: input.answer },
      );
      return true;
    });
  }

  markMeetingHeld(actor: Principal, meetingId: string): Promise<MeetingObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const meeting = await this.lifecycle.loadFor(manager, actor, 'record', meetingId);
      await this.lifecycle.move(manager, actor, meeting, MeetingStatus.HELD);
      return toMeetingObject(meeting);
    });
  }

  /**
   * Publishes the minutes: examined situations move to ACTIONS_IN_PROGRESS with their review
   * date, the item guests' invitations lapse, and the partners are told.
   */
  publishMinutes(actor: Principal, meetingId: string): Promise<MeetingObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const meeting = await this.lifecycle.loadFor(manager, actor, 'publishMinutes', meetingId);
      await this.lifecycle.move(manager, actor, meeting, MeetingStatus.MINUTES_PUBLISHED);
      const recorded = await manager.find(AgendaItem, {
        where: { meetingId, recordedAt: Not(IsNull()) },
        relations: { situation: true },
      });
      for (const item of recorded) {
        const situation = item.situation!;
        if (!this.situations.canMove(situation, SituationStatus.ACTIONS_IN_PROGRESS)) continue;
        await manager.update(Situation, { id: situation.id }, { nextReviewOn: item.nextReviewOn });
        await this.situations.moveSituation(manager, situation, SituationStatus.ACTIONS_IN_PROGRESS, {
          kind: 'MINUTES_PUBLISHED',
          category: DataCategory.LOGISTIC,
          actorOrganisationId: actor.organisationId,
          details: { meetingId },
        });
      }
      await manager.update(ItemInvitation, { meetingId, lapsedAt: IsNull() }, { lapsedAt: this.clock.now() });
      const readers = await manager.findBy(ItemDisclosure, {
        agendaItemId: In(recorded.map((item) => item.id)),
      });
      await writeOutbox(manager, {
        territoryId: meeting.territoryId,
        type: 'meeting.minutes_published',
        subject: { type: 'Meeting', id: meeting.id },
        payload: {
          userIds: [...new Set(readers.map((reader) => reader.userId))],
          heldOn: parisDate(meeting.startsAt),
          items: recorded.length,
          attendance: await attendanceByKind(manager, meeting.id),
        },
        occurredAt: this.clock.now(),
      });
      return toMeetingObject(meeting);
    });
  }

  private async recordable(manager: EntityManager, actor: Principal, meetingId: string): Promise<Meeting> {
    const meeting = await this.lifecycle.loadFor(manager, actor, 'record', meetingId);
    if (!RECORDABLE.includes(meeting.status)) throw new MeetingException('INVALID_TRANSITION');
    return meeting;
  }

  /** Members of the territory among `userIds`, with their organisation; any other is refused. */
  private async membersOf(
    manager: EntityManager,
    territoryId: string,
    userIds: readonly string[],
  ): Promise<Map<string, string>> {
    const members = await membersAmong(manager, territoryId, userIds);
    if (members.size !== new Set(userIds).size) {
      throw new MeetingException('INVALID_MEETING', [
        { field: 'userIds', message: "Une des personnes n'est pas membre de ce territoire." },
      ]);
    }
    return new Map([...members.values()].map((user) => [user.id, user.organisationId]));
  }
}

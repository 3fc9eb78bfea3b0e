import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessException, AccessService, asSubject, Principal, Role } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { FieldProblem } from '@relais/graphql';
import { Cell, Membership, MembershipStatus } from '@relais/identity';
import { writeOutbox } from '@relais/outbox';
import { EntityManager } from 'typeorm';
import { InviteeKind, MeetingStatus } from './domain/meeting.enums';
import { monthlySeries } from './domain/monthly-series';
import { MeetingObject, PlanMeetingInput, PlanMeetingSeriesInput } from './dto/meeting.dto';
import { Meeting, MeetingInvitee } from './entities';
import { toMeetingObject } from './meeting.mapper';
import { MeetingLifecycle } from './meeting-lifecycle';
import { MeetingException } from './meetings.exception';

/**
 * Planning and cancelling meetings, the coordinator's. Building the agenda is `AgendaService`'s,
 * reading meetings `MeetingQueryService`'s and `AgendaQueryService`'s.
 */
@Injectable()
export class MeetingService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly lifecycle: MeetingLifecycle,
    private readonly clock: Clock,
  ) {}

  planMeeting(actor: Principal, input: PlanMeetingInput): Promise<MeetingObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const [meeting] = await this.plan(manager, actor, input, [input.startsAt]);
      return toMeetingObject(meeting);
    });
  }

  planMeetingSeries(actor: Principal, input: PlanMeetingSeriesInput): Promise<MeetingObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) =>
      (await this.plan(manager, actor, input, monthlySeries(input.startsAt, input.count))).map(
        toMeetingObject,
      ),
    );
  }

  cancelMeeting(actor: Principal, meetingId: string): Promise<MeetingObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const meeting = await this.lifecycle.loadFor(manager, actor, 'cancel', meetingId);
      await this.lifecycle.move(manager, actor, meeting, MeetingStatus.CANCELLED, {
        cancelledAt: this.clock.now(),
      });
      await writeOutbox(manager, {
        territoryId: meeting.territoryId,
        type: 'meeting.cancelled',
        subject: { type: 'Meeting', id: meeting.id },
        payload: {},
        occurredAt: this.clock.now(),
      });
      return toMeetingObject(meeting);
    });
  }

  private async plan(
    manager: EntityManager,
    actor: Principal,
    input: PlanMeetingInput,
    dates: Date[],
  ): Promise<Meeting[]> {
    const cell = await manager.findOneBy(Cell, { id: input.cellId });
    if (!cell) throw new AccessException('NOT_FOUND');
    this.access.assertCan(
      actor,
      'plan',
      asSubject('Meeting', { territoryId: cell.territoryId }),
      'FORBIDDEN',
    );
    const problems: FieldProblem[] = [];
    if (!input.place && !input.videoLink) {
      problems.push({ field: 'place', message: 'Indiquez un lieu ou un lien de visioconférence.' });
    }
    if (input.startsAt.getTime() <= this.clock.now().getTime()) {
      problems.push({ field: 'startsAt', message: 'La séance doit être à venir.' });
    }
    if (problems.length) throw new MeetingException('INVALID_MEETING', problems);

    const seriesId = dates.length > 1 ? randomUUID() : null;
    const meetings = await manager.save(
      dates.map((startsAt) =>
        manager.create(Meeting, {
          territoryId: cell.territoryId,
          cellId: cell.id,
          startsAt,
          durationMinutes: input.durationMinutes ?? 120,
          place: input.place ?? null,
          videoLink: input.videoLink ?? null,
          status: MeetingStatus.PLANNED,
          seriesId,
          agendaPublishedAt: null,
          cancelledAt: null,
        }),
      ),
    );
    const standing = await manager
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .innerJoinAndSelect('membership.user', 'user')
      .where('membership.territoryId = :territoryId AND membership.status = :active', {
        territoryId: cell.territoryId,
        active: MembershipStatus.ACTIVE,
      })
      .andWhere('(membership.cellId = :cellId OR membership.cellId IS NULL)', { cellId: cell.id })
      .andWhere(':member = ANY(membership.roles)', { member: Role.CELL_MEMBER })
      .getMany();
    if (standing.length) {
      await manager.insert(
        MeetingInvitee,
        meetings.flatMap((meeting) =>
          standing.map((membership) => ({
            territoryId: meeting.territoryId,
            meetingId: meeting.id,
            userId: membership.userId,
            organisationId: membership.user!.organisationId,
            kind: membership.substituteOfId ? InviteeKind.SUBSTITUTE : InviteeKind.PERMANENT,
          })),
        ),
      );
    }
    for (const meeting of meetings) {
      await this.audit.record(manager, {
        territoryId: meeting.territoryId,
        actor,
        action: 'MEETING_PLANNED',
        subject: { type: 'Meeting', id: meeting.id },
        details: { seriesId },
      });
      // The call for items goes out ahead of each meeting.
      await writeOutbox(manager, {
        territoryId: meeting.territoryId,
        type: 'meeting.planned',
        subject: { type: 'Meeting', id: meeting.id },
        payload: { cellId: meeting.cellId, plannedOn: parisDate(meeting.startsAt) },
        occurredAt: this.clock.now(),
      });
    }
    return meetings;
  }
}

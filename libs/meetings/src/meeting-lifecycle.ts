import { Injectable } from '@nestjs/common';
import { AccessService, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { EntityManager } from 'typeorm';
import { canMoveMeeting, MeetingStatus } from './domain/meeting.enums';
import { Meeting } from './entities';
import { MeetingException } from './meetings.exception';

/** Loading a meeting for an action, and moving it through its statuses: one way for every use case. */
@Injectable()
export class MeetingLifecycle {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Under lock; NOT_FOUND for a meeting the actor may not read, FORBIDDEN for an action refused. */
  async loadFor(
    manager: EntityManager,
    actor: Principal,
    action: string,
    meetingId: string,
  ): Promise<Meeting> {
    const { row: meeting } = await this.access.loadAccessible(
      manager,
      actor,
      'read',
      Meeting,
      meetingId,
      'pessimistic_write',
    );
    this.access.assertCan(actor, action, meeting, 'FORBIDDEN');
    return meeting;
  }

  async move(
    manager: EntityManager,
    actor: Principal,
    meeting: Meeting,
    to: MeetingStatus,
    changes: Partial<Meeting> = {},
  ): Promise<void> {
    if (!canMoveMeeting(meeting.status, to)) throw new MeetingException('INVALID_TRANSITION');
    const from = meeting.status;
    await manager.update(Meeting, { id: meeting.id }, { ...changes, status: to });
    Object.assign(meeting, changes, { status: to });
    await this.audit.record(manager, {
      territoryId: meeting.territoryId,
      actor,
      action: `MEETING_${to}`,
      subject: { type: 'Meeting', id: meeting.id },
      details: { from, to },
    });
  }
}

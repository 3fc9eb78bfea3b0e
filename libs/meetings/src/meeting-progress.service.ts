import { Injectable } from '@nestjs/common';
import { AccessService, Principal } from '@relais/access';
import { ScopedDatabase } from '@relais/database';
import { ActionOrigin, SituationAction } from '@relais/situations';
import { MeetingProgressObject } from './dto/meeting-progress.dto';
import { AgendaItem, Decision, ItemDisclosure, Meeting } from './entities';
import { MinutesQueryService } from './minutes-query.service';

/**
 * What is already recorded of a meeting, for the coordination that holds it: the meeting mode
 * reads it when it opens, so that a reload in the middle of the meeting loses nothing. The
 * recorded content is the minutes' own read (one masking and audit path, the coordinator's
 * relations); only when each item was recorded, who was in the room and which decision each action
 * comes from are read here, in three statements whatever the number of items.
 */
@Injectable()
export class MeetingProgressService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly minutes: MinutesQueryService,
  ) {}

  /** NOT_FOUND for a meeting the actor may not read, FORBIDDEN for anyone who does not record it. */
  progress(actor: Principal, meetingId: string): Promise<MeetingProgressObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: meeting } = await this.access.loadAccessible(manager, actor, 'read', Meeting, meetingId);
      this.access.assertCan(actor, 'record', meeting, 'FORBIDDEN');
      const read = await this.minutes.readAs(manager, actor, meeting, actor);
      const items = await manager.find(AgendaItem, {
        select: { id: true, recordedAt: true },
        where: { meetingId },
      });
      const rooms = await manager
        .getRepository(ItemDisclosure)
        .createQueryBuilder('disclosure')
        .innerJoin(AgendaItem, 'item', 'item.id = disclosure.agendaItemId')
        .where('item.meetingId = :meetingId', { meetingId })
        .getMany();
      // The minutes list an item's actions together: which decision each comes from, to group them.
      const origins = await manager
        .getRepository(SituationAction)
        .createQueryBuilder('action')
        .select(['action.id', 'action.originId'])
        .innerJoin(Decision, 'decision', 'decision.id = action.originId')
        .innerJoin(AgendaItem, 'item', 'item.id = decision.agendaItemId')
        .where('action.origin = :origin AND item.meetingId = :meetingId', {
          origin: ActionOrigin.DECISION,
          meetingId,
        })
        .getMany();
      const decisionOf = new Map(origins.map((action) => [action.id, action.originId]));
      const recordedAt = new Map(items.map((item) => [item.id, item.recordedAt]));
      return {
        meetingId: meeting.id,
        attendanceRecorded: read.attendance.length > 0,
        attendance: read.attendance,
        items: read.items.map((item) => {
          const at = recordedAt.get(item.itemId) ?? null;
          return {
            itemId: item.itemId,
            position: item.position,
            recordedAt: at,
            presentUserIds: rooms
              .filter((disclosure) => disclosure.agendaItemId === item.itemId)
              .map((disclosure) => disclosure.userId),
            record: at ? item : null,
            decisions: at
              ? (item.decisions ?? []).map((decision) => ({
                  decision,
                  actions: item.actions.filter((action) => decisionOf.get(action.id) === decision.id),
                }))
              : [],
          };
        }),
      };
    });
  }
}

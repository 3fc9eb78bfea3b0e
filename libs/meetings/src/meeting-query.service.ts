import { Injectable } from '@nestjs/common';
import { AccessService, Principal } from '@relais/access';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import {
  Connection,
  decodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
  pageOf,
} from '@relais/graphql';
import { MeetingStatus } from './domain/meeting.enums';
import { MeetingObject } from './dto/meeting.dto';
import { MEETING_CURSOR, MeetingPeriod, MeetingsArgs } from './dto/meetings.args';
import { Meeting } from './entities';
import { toMeetingObject } from './meeting.mapper';

/** Listing meetings: the ones the policies let the reader see, one page in one statement. */
@Injectable()
export class MeetingQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /**
   * A meeting is past once held (whenever that was) or once its planned end has gone by; a meeting
   * under way, not yet marked held, is still among the coming ones, where the coordinator opens it.
   * Coming meetings soonest first, past ones latest first.
   */
  meetings(actor: Principal, args: MeetingsArgs): Promise<Connection<MeetingObject>> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const upcoming = args.period !== MeetingPeriod.PAST;
      const direction = upcoming ? 'ASC' : 'DESC';
      const over =
        '(meeting.startsAt + make_interval(mins => meeting.durationMinutes) <= :now OR meeting.status IN (:...held))';
      const query = manager
        .getRepository(Meeting)
        .createQueryBuilder('meeting')
        .where('meeting.territoryId = :territoryId', { territoryId: args.territoryId })
        .andWhere(upcoming ? `NOT ${over}` : over, {
          now: this.clock.now(),
          held: [MeetingStatus.HELD, MeetingStatus.MINUTES_PUBLISHED],
        })
        .orderBy('meeting.startsAt', direction)
        .addOrderBy('meeting.id', direction)
        .limit(args.first + 1);
      if (args.after) {
        const key = decodeCursor(args.after, MEETING_CURSOR);
        if (!key) throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
        const [startsAt, id] = key;
        query.andWhere(
          `(meeting.startsAt, meeting.id) ${upcoming ? '>' : '<'} (CAST(:afterStartsAt AS timestamptz), CAST(:afterId AS uuid))`,
          { afterStartsAt: startsAt, afterId: id },
        );
      }
      this.access.accessibleBy(query, actor, 'read', 'Meeting');
      return pageOf(
        await query.getMany(),
        args.first,
        (meeting) => [meeting.startsAt.toISOString(), meeting.id],
        toMeetingObject,
      );
    });
  }
}

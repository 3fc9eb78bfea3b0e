import { Injectable } from '@nestjs/common';
import { AccessService, Principal } from '@relais/access';
import { ScopedDatabase } from '@relais/database';
import { MeetingObject } from './dto/meeting.dto';
import { Meeting } from './entities';
import { toMeetingObject } from './meeting.mapper';

/** Listing meetings: the ones the policies let the reader see, in one statement. */
@Injectable()
export class MeetingQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
  ) {}

  meetings(actor: Principal, territoryId: string): Promise<MeetingObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Meeting)
        .createQueryBuilder('meeting')
        .where('meeting.territoryId = :territoryId', { territoryId })
        .orderBy('meeting.startsAt', 'ASC')
        .limit(200);
      this.access.accessibleBy(query, actor, 'read', 'Meeting');
      return (await query.getMany()).map(toMeetingObject);
    });
  }
}

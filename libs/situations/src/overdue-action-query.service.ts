import { Injectable } from '@nestjs/common';
import { AccessService, Principal } from '@relais/access';
import { Clock, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import {
  Connection,
  decodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
  pageOf,
} from '@relais/graphql';
import { ActionStatus } from './domain/action-status';
import { ACTION_CURSOR } from './dto/organisation-actions.args';
import { OverdueActionsArgs } from './dto/overdue-actions.args';
import { ActionObject } from './dto/situation.objects';
import { Person, SituationAction } from './entities';
import { toActionObject } from './situation.mapper';

/** Still to be done: an action in one of these states whose due day has passed is late. */
const OPEN_ACTION_STATUSES: readonly ActionStatus[] = [
  ActionStatus.TODO,
  ActionStatus.IN_PROGRESS,
  ActionStatus.BLOCKED,
];

/**
 * The territory's late actions, whoever owns them: the coordination follows the cell's decisions
 * through. Rows come filtered by the coordination's own rule (`oversee`), compiled into the one
 * statement that reads the page and its case codes.
 */
@Injectable()
export class OverdueActionQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** The longest late first (due day, then id); every field is logistic, which the audit does not record. */
  overdueActions(actor: Principal, args: OverdueActionsArgs): Promise<Connection<ActionObject>> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      // Late from the day after the due day, as the reminders count it: in Paris.
      const today = parisDate(this.clock.now());
      const query = manager
        .getRepository(SituationAction)
        .createQueryBuilder('action')
        .innerJoinAndMapOne('action.person', Person, 'person', 'person.id = action.personId')
        .where('action.territoryId = :territoryId', { territoryId: args.territoryId })
        .andWhere('action.status IN (:...statuses)', { statuses: OPEN_ACTION_STATUSES })
        .andWhere('action.dueOn < CAST(:today AS date)', { today })
        .orderBy('action.dueOn', 'ASC')
        .addOrderBy('action.id', 'ASC')
        .limit(args.first + 1);
      if (args.after) {
        const key = decodeCursor(args.after, ACTION_CURSOR);
        if (!key) throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
        query.andWhere('(action.dueOn, action.id) > (CAST(:afterDueOn AS date), CAST(:afterId AS uuid))', {
          afterDueOn: key[0],
          afterId: key[1],
        });
      }
      this.access.accessibleBy(query, actor, 'oversee', 'SituationAction');
      const actions = await query.getMany();
      return pageOf(
        actions,
        args.first,
        (action) => [action.dueOn, action.id],
        (action) => toActionObject(action, action.person!.caseCode),
      );
    });
  }
}

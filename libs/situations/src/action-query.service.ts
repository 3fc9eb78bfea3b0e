import { Injectable } from '@nestjs/common';
import { AccessService, Principal } from '@relais/access';
import { ScopedDatabase } from '@relais/database';
import {
  Connection,
  decodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
  pageOf,
} from '@relais/graphql';
import { ActionOrder, ActionStatus } from './domain/action-status';
import { ACTION_CURSOR } from './dto/organisation-actions.args';
import { ActionObject } from './dto/situation.objects';
import { Person, SituationAction } from './entities';
import { toActionObject } from './situation.mapper';

/** Which page of a territory's actions, in which order, of which statuses (all when absent). */
export interface ActionPageRequest {
  territoryId: string;
  first: number;
  after?: string | null;
  status?: readonly ActionStatus[] | null;
  order: ActionOrder;
}

/**
 * Lists of actions. The rows come filtered by the same rules that let a partner update an action
 * (`SituationAction`: its owner organisation, the coordination), compiled into the statement.
 */
@Injectable()
export class ActionQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
  ) {}

  /**
   * « Mes actions » : what the cell entrusted to the reader's organisation in a territory, whoever
   * referred the situation, one page at a time in due-date order. One statement whatever the page
   * size; the case code comes joined with each action. Every field shown is logistic, which the
   * audit does not record.
   */
  organisationActions(actor: Principal, args: ActionPageRequest): Promise<Connection<ActionObject>> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const direction = args.order === ActionOrder.LATEST_DUE_FIRST ? 'DESC' : 'ASC';
      const query = manager
        .getRepository(SituationAction)
        .createQueryBuilder('action')
        .innerJoinAndMapOne('action.person', Person, 'person', 'person.id = action.personId')
        .where('action.territoryId = :territoryId AND action.ownerOrganisationId = :organisationId', {
          territoryId: args.territoryId,
          organisationId: actor.organisationId,
        })
        .orderBy('action.dueOn', direction)
        .addOrderBy('action.id', direction)
        .limit(args.first + 1);
      if (args.status) query.andWhere('action.status IN (:...statuses)', { statuses: args.status });
      if (args.after) {
        const key = decodeCursor(args.after, ACTION_CURSOR);
        if (!key) throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
        const [dueOn, id] = key;
        // The key compares in the list's own order, so the page starts right after the cursor.
        query.andWhere(
          `(action.dueOn, action.id) ${direction === 'ASC' ? '>' : '<'} (CAST(:afterDueOn AS date), CAST(:afterId AS uuid))`,
          { afterDueOn: dueOn, afterId: id },
        );
      }
      this.access.accessibleBy(query, actor, 'read', 'SituationAction');
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

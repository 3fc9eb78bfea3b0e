import { Injectable } from '@nestjs/common';
import { AccessService, Principal } from '@relais/access';
import { Clock, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import {
  Connection,
  CursorShape,
  decodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
  pageOf,
} from '@relais/graphql';
import { Person, Situation } from '@relais/situations';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  MY_FOLLOW_UP_CURSOR,
  MyFollowUpsArgs,
  SITUATION_FOLLOW_UP_CURSOR,
  SituationFollowUpsArgs,
} from './dto/follow-up-lists.dto';
import { FollowUpObject } from './dto/follow-up.objects';
import { FollowUp } from './entities';
import { FollowUpPresenter } from './follow-up.presenter';

/** 0 for a follow-up under way, 1 for an ended one: the ended come last. */
const ENDED = `(CASE WHEN "followUp"."ended_at" IS NULL THEN 0 ELSE 1 END)`;

/**
 * Lists of follow-ups, page by page: the reader's own (« mes accompagnements ») and a situation's.
 * The rows are chosen in SQL — the read rules and, for one's own, the seats with their dates — and
 * each page is shown through the presenter in a fixed number of statements.
 */
@Injectable()
export class FollowUpListQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly presenter: FollowUpPresenter,
    private readonly clock: Clock,
  ) {}

  /**
   * Where the reader holds a seat today (titular, or a replacement covering today) or will hold one
   * (a replacement to come): under way first, the planned end soonest, then the id.
   */
  myFollowUps(actor: Principal, args: MyFollowUpsArgs): Promise<Connection<FollowUpObject>> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const today = parisDate(this.clock.now());
      const query = this.base(manager)
        .andWhere(
          `EXISTS (SELECT 1 FROM follow_up_team_members seat
                    WHERE seat.follow_up_id = "followUp"."id" AND seat.user_id = :me
                      AND (seat.until_on IS NULL OR seat.until_on >= CAST(:today AS date)))`,
          { me: actor.userId, today },
        )
        .orderBy(ENDED, 'ASC')
        .addOrderBy('followUp.plannedEndOn', 'ASC')
        .addOrderBy('followUp.id', 'ASC')
        .limit(args.first + 1);
      if (!args.includeEnded) query.andWhere('"followUp"."ended_at" IS NULL');
      if (args.after) {
        const [ended, plannedEndOn, id] = key(args.after, MY_FOLLOW_UP_CURSOR);
        query.andWhere(
          `(${ENDED}, "followUp"."planned_end_on", "followUp"."id") > (CAST(:afterEnded AS int), CAST(:afterDay AS date), CAST(:afterId AS uuid))`,
          { afterEnded: ended, afterDay: plannedEndOn, afterId: id },
        );
      }
      return this.page(manager, actor, query, args.first, today, (followUp) => [
        followUp.endedAt ? '1' : '0',
        followUp.plannedEndOn,
        followUp.id,
      ]);
    });
  }

  /** The follow-ups of a situation the reader may read, the most recently started first. */
  situationFollowUps(actor: Principal, args: SituationFollowUpsArgs): Promise<Connection<FollowUpObject>> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = this.base(manager)
        .andWhere('followUp.situationId = :situationId', { situationId: args.situationId })
        .orderBy('followUp.startedOn', 'DESC')
        .addOrderBy('followUp.id', 'DESC')
        .limit(args.first + 1);
      if (args.after) {
        const [startedOn, id] = key(args.after, SITUATION_FOLLOW_UP_CURSOR);
        query.andWhere(
          `("followUp"."started_on", "followUp"."id") < (CAST(:afterDay AS date), CAST(:afterId AS uuid))`,
          { afterDay: startedOn, afterId: id },
        );
      }
      return this.page(manager, actor, query, args.first, parisDate(this.clock.now()), (followUp) => [
        followUp.startedOn,
        followUp.id,
      ]);
    });
  }

  private base(manager: EntityManager): SelectQueryBuilder<FollowUp> {
    return manager
      .getRepository(FollowUp)
      .createQueryBuilder('followUp')
      .innerJoinAndMapOne('followUp.situation', Situation, 'situation', 'situation.id = followUp.situationId')
      .innerJoinAndMapOne('situation.person', Person, 'person', 'person.id = situation.personId')
      .where('TRUE');
  }

  /** The page: rows read under the read rules (one statement), then shown through the presenter. */
  private async page(
    manager: EntityManager,
    actor: Principal,
    query: SelectQueryBuilder<FollowUp>,
    first: number,
    today: string,
    keyOf: (followUp: FollowUp) => string[],
  ): Promise<Connection<FollowUpObject>> {
    const readAccess = this.access.selectRowAccess(query, actor, 'read', 'FollowUp');
    const { entities, raw } = await query.getRawAndEntities();
    const accesses = readAccess(raw);
    const shown = entities.slice(0, first);
    const presented = await this.presenter.present(
      manager,
      actor,
      shown.map((followUp) => ({ followUp, access: accesses.get(followUp.id)! })),
      today,
    );
    const byId = new Map(presented.map((followUp) => [followUp.id, followUp]));
    return pageOf(entities, first, keyOf, (followUp) => byId.get(followUp.id)!);
  }
}

/** The sort key an `after` cursor carries; refused in French when it is not one of this list's. */
export function key(after: string, shape: CursorShape): string[] {
  const values = decodeCursor(after, shape);
  if (!values) throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
  return values;
}

import { Injectable } from '@nestjs/common';
import {
  AccessException,
  AccessService,
  DataCategory,
  gateFields,
  LOGISTIC_VIEW,
  Principal,
  rowView,
} from '@relais/access';
import { Clock, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { CmpFollowUpStatus, Person, Situation } from '@relais/situations';
import { FollowUpKind, RequesterKind } from './domain/follow-up.enums';
import { FollowUpObject } from './dto/follow-up.objects';
import {
  CmpStatusCountObject,
  FollowUpCountObject,
  FollowUpTerritoryIndicatorsObject,
} from './dto/indicators.dto';
import { FollowUp } from './entities';
import { FollowUpPresenter } from './follow-up.presenter';

/**
 * The read side of follow-ups: one follow-up as its reader may see it (through the presenter, which
 * gates and audits), and the territory's anonymous figures.
 */
@Injectable()
export class FollowUpQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly presenter: FollowUpPresenter,
    private readonly clock: Clock,
  ) {}

  /** One follow-up as the reader may see it: seats (with vacancies), objectives, figures; acts apart. */
  followUp(actor: Principal, followUpId: string): Promise<FollowUpObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(FollowUp)
        .createQueryBuilder('followUp')
        .innerJoinAndMapOne(
          'followUp.situation',
          Situation,
          'situation',
          'situation.id = followUp.situationId',
        )
        .innerJoinAndMapOne('situation.person', Person, 'person', 'person.id = situation.personId')
        .where('followUp.id = :followUpId', { followUpId });
      const followUpAccess = this.access.selectRowAccess(query, actor, 'read', 'FollowUp');
      const found = await query.getRawAndEntities();
      const followUp = found.entities[0];
      if (!followUp) throw await this.access.notFound(manager, 'read', 'FollowUp', followUpId);
      const [presented] = await this.presenter.present(
        manager,
        actor,
        [{ followUp, access: followUpAccess(found.raw).get(followUp.id)! }],
        parisDate(this.clock.now()),
      );
      return presented;
    });
  }

  /**
   * Anonymous figures over the follow-ups the reader may read (the territory's, for the
   * coordinator; their own, for a team member), in four queries.
   */
  indicators(actor: Principal, territoryId: string): Promise<FollowUpTerritoryIndicatorsObject> {
    // Figures, even zeros, about a territory one does not work in are not one's to read.
    if (!actor.territoryIds.includes(territoryId)) throw new AccessException('NOT_FOUND');
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const visible = manager
        .getRepository(FollowUp)
        .createQueryBuilder('followUp')
        .select('followUp.id', 'id')
        .where('followUp.territoryId = :territoryId', { territoryId });
      const accessOf = this.access.selectRowAccess(visible, actor, 'read', 'FollowUp');
      const rows = await visible.getRawMany<{ id: string }>();
      const accesses = accessOf(rows);
      const ids = rows.map((row) => row.id);
      // A figure shows a category only if the reader sees it on every follow-up counted.
      const views = ids.map((id) => rowView(actor, territoryId, accesses.get(id)!).categories);
      const view = {
        categories: new Set(
          Object.values(DataCategory).filter((category) => views.every((seen) => seen.has(category))),
        ),
      };
      const counted = (figures: Omit<FollowUpTerritoryIndicatorsObject, 'redactedFields'>) =>
        gateFields(FollowUpTerritoryIndicatorsObject, figures, view).value;
      if (!ids.length) {
        return counted({
          byKindAndRequester: [],
          followUps: 0,
          actsPerFollowUp: 0,
          homeShare: 0,
          renewals: 0,
          handoffsAccepted: 0,
          cmpFollowUpAtHandoff: [],
        });
      }
      const byKind = (await manager.query(
        `SELECT kind, requester_kind, count(*)::int AS count, sum(renewals)::int AS renewals
           FROM follow_ups WHERE id = ANY($1) GROUP BY kind, requester_kind ORDER BY kind, requester_kind`,
        [ids],
      )) as { kind: FollowUpKind; requester_kind: RequesterKind; count: number; renewals: number }[];
      const [acts] = (await manager.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE type = 'HOME_VISIT')::int AS at_home
           FROM follow_up_acts WHERE follow_up_id = ANY($1)`,
        [ids],
      )) as { total: number; at_home: number }[];
      const handoffs = (await manager.query(
        `SELECT cmp_follow_up_status AS status, count(*)::int AS count
           FROM handoffs WHERE follow_up_id = ANY($1) AND status = 'ACCEPTED' GROUP BY cmp_follow_up_status`,
        [ids],
      )) as { status: CmpFollowUpStatus; count: number }[];
      return counted({
        byKindAndRequester: byKind.map(
          (row) =>
            gateFields(
              FollowUpCountObject,
              { kind: row.kind, requesterKind: row.requester_kind, count: row.count },
              LOGISTIC_VIEW,
            ).value,
        ),
        followUps: ids.length,
        actsPerFollowUp: acts.total / ids.length,
        homeShare: acts.total ? acts.at_home / acts.total : 0,
        renewals: byKind.reduce((total, row) => total + row.renewals, 0),
        handoffsAccepted: handoffs.reduce((total, row) => total + row.count, 0),
        cmpFollowUpAtHandoff: handoffs.map(
          (row) => gateFields(CmpStatusCountObject, row, LOGISTIC_VIEW).value,
        ),
      });
    });
  }
}

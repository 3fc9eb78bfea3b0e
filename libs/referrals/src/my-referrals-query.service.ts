import { Injectable } from '@nestjs/common';
import { AccessService, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { CountedConnection, encodeCursor } from '@relais/graphql';
import { AgendaQueryService } from '@relais/meetings';
import { ActionStatus, Person, Situation, SituationAction, toActionObject } from '@relais/situations';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { CREATED_CURSOR, MyOrganisationReferralsArgs } from './dto/referral-lists.args';
import { MyReferralObject } from './dto/referral.objects';
import { Referral } from './entities';
import { prepared } from './prepared-statement';
import { createdText, cursorAfter } from './referral-query.service';
import { LoadedReferral, toMyReferralView } from './referral.view';

/**
 * Actions shown under one referral of « Mes saisines »: an organisation rarely holds more for one
 * person; beyond, the count tells how many more, and « Mes actions » lists them all, page by page.
 */
export const ACTIONS_PER_REFERRAL = 20;

const FINISHED_ACTIONS = [ActionStatus.DONE, ActionStatus.CANCELLED];

/**
 * « Les saisines de mon organisation » : the status and what concerns us, nothing confidential; a
 * page in the same few statements whatever its length (the page, its total, our actions for the
 * people of the page, their next meetings).
 */
@Injectable()
export class MyReferralsQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly agendas: AgendaQueryService,
    private readonly clock: Clock,
  ) {}

  myOrganisationReferrals(
    actor: Principal,
    args: MyOrganisationReferralsArgs,
  ): Promise<CountedConnection<MyReferralObject>> {
    const after = cursorAfter(args.after, CREATED_CURSOR);
    // A list: on the standby once it has replayed the reader's writes and its territories'.
    return this.database.read({ territoryIds: actor.territoryIds }, actor.standbyReads, async (manager) => {
      // The most recently created first: a creation moment never changes, so a referral sent
      // between two pages neither moves nor repeats.
      const query = this.ours(manager, actor, args)
        .innerJoinAndMapOne('referral.person', Person, 'person', 'person.id = referral.personId')
        .leftJoinAndMapOne(
          'referral.situation',
          Situation,
          'situation',
          'situation.id = referral.situationId',
        )
        .addSelect(createdText('referral'), 'cursor_created')
        .orderBy('referral.createdAt', 'DESC')
        .addOrderBy('referral.id', 'DESC')
        .limit(args.first + 1);
      if (after)
        query.andWhere(
          '(referral.createdAt, referral.id) < (CAST(:createdBefore AS timestamptz), CAST(:idBefore AS uuid))',
          { createdBefore: after[0], idBefore: after[1] },
        );
      const readAccess = this.access.selectRowAccess(query, actor, 'read', 'Referral', MyReferralObject);
      const { entities, raw } = await prepared(query, 'my-referrals-page').getRawAndEntities();
      const counted = this.ours(manager, actor, args);
      this.access.accessibleBy(counted, actor, 'read', 'Referral');
      const totalCount = await prepared(counted, 'my-referrals-count').getCount();

      const referrals = (entities as LoadedReferral[]).slice(0, args.first);
      const created = new Map(
        (raw as Record<string, string>[]).map((row) => [row.referral_id, row.cursor_created]),
      );
      const accesses = readAccess(raw);
      const actions = await this.actionsFor(manager, actor, referrals);
      const situationIds = referrals.flatMap((referral) =>
        referral.situationId ? [referral.situationId] : [],
      );
      const nextMeetings = await this.agendas.nextMeetingsOf(manager, situationIds, this.clock.now());
      const views = referrals.map((referral) => {
        const ofPerson = actions.get(referral.personId);
        return toMyReferralView(actor, {
          referral,
          access: accesses.get(referral.id)!,
          nextMeetingAt: referral.situationId ? (nextMeetings.get(referral.situationId) ?? null) : null,
          actionsForMyOrganisation: (ofPerson?.shown ?? []).map((action) =>
            toActionObject(action, referral.person!.caseCode),
          ),
          actionsForMyOrganisationCount: ofPerson?.total ?? 0,
        });
      });
      // Logistics only, which the audit does not record: written for the day a field is added.
      await this.audit.recordReads(
        manager,
        actor,
        views.map((view, index) => ({
          territoryId: referrals[index].territoryId,
          personId: referrals[index].personId,
          subject: { type: 'Referral', id: view.value.id },
          categories: view.shown,
        })),
      );
      const edges = views.map(({ value }) => ({
        cursor: encodeCursor([created.get(value.id)!, value.id]),
        node: value,
      }));
      return {
        edges,
        pageInfo: { hasNextPage: entities.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount,
      };
    });
  }

  /** My organisation's referrals in the territory (or the one asked for), before the rules. */
  private ours(
    manager: EntityManager,
    actor: Principal,
    args: MyOrganisationReferralsArgs,
  ): SelectQueryBuilder<Referral> {
    const query = manager
      .getRepository(Referral)
      .createQueryBuilder('referral')
      .where('referral.territoryId = :territoryId AND referral.referrerOrganisationId = :organisationId', {
        territoryId: args.territoryId,
        organisationId: actor.organisationId,
      });
    if (args.referralId) query.andWhere('referral.id = :referralId', { referralId: args.referralId });
    // One array parameter, so the statement's text (and its kept plan) is the same for any codes.
    if (args.caseCodes)
      query.andWhere(
        'referral.personId IN (SELECT id FROM persons WHERE territory_id = :territoryId AND case_code = ANY(:caseCodes))',
        { caseCodes: args.caseCodes },
      );
    return query;
  }

  /**
   * The actions entrusted to my organisation for the people of the page, in one statement: per
   * person at most ACTIONS_PER_REFERRAL (the open ones kept first, then by due day) and how many
   * there are in all, both counted among the actions the rules let me read.
   */
  private async actionsFor(
    manager: EntityManager,
    actor: Principal,
    referrals: readonly Referral[],
  ): Promise<Map<string, { shown: SituationAction[]; total: number }>> {
    const byPerson = new Map<string, { shown: SituationAction[]; total: number }>();
    if (!referrals.length) return byPerson;
    const query = manager
      .getRepository(SituationAction)
      .createQueryBuilder('action')
      .innerJoin(
        (ranked) => {
          ranked
            .select('candidate.id', 'id')
            .addSelect(
              'ROW_NUMBER() OVER (PARTITION BY candidate.personId ORDER BY candidate.status IN (:...finished), candidate.dueOn, candidate.id)',
              'rank',
            )
            .addSelect('COUNT(*) OVER (PARTITION BY candidate.personId)', 'total')
            .from(SituationAction, 'candidate')
            .where(
              // One array parameter: the same text (and kept plan) whatever the page's length.
              'candidate.personId = ANY(CAST(:personIds AS uuid[])) AND candidate.ownerOrganisationId = :organisationId',
              {
                personIds: [...new Set(referrals.map((referral) => referral.personId))],
                organisationId: actor.organisationId,
                finished: FINISHED_ACTIONS,
              },
            );
          return this.access.accessibleBy(ranked, actor, 'read', 'SituationAction');
        },
        'ranked',
        'ranked.id = action.id AND ranked.rank <= :shownPerPerson',
        { shownPerPerson: ACTIONS_PER_REFERRAL },
      )
      .addSelect('ranked.total', 'ranked_total')
      .orderBy('action.dueOn', 'ASC')
      .addOrderBy('action.id', 'ASC');
    const { entities, raw } = await prepared(query, 'my-referrals-actions').getRawAndEntities();
    const totals = new Map(
      (raw as Record<string, string>[]).map((row) => [row.action_id, Number(row.ranked_total)]),
    );
    for (const action of entities) {
      const entry = byPerson.get(action.personId) ?? { shown: [], total: totals.get(action.id) ?? 0 };
      entry.shown.push(action);
      byPerson.set(action.personId, entry);
    }
    return byPerson;
  }
}

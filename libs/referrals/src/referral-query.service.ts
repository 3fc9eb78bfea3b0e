import { Injectable } from '@nestjs/common';
import { AccessService, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { Organisation } from '@relais/identity';
import { AgendaQueryService } from '@relais/meetings';
import { ConsentService } from '@relais/consent';
import {
  IdentityReader,
  Person,
  Situation,
  SituationAction,
  toActionObject,
  toPersonObject,
} from '@relais/situations';
import {
  Connection,
  decodeCursor,
  encodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
} from '@relais/graphql';
import { EntityManager, In } from 'typeorm';
import { ReferralStatus } from './domain/referral-status';
import { MyReferralObject, ReferralObject } from './dto/referral.objects';
import { REVIEW_CURSOR, ReferralsToReviewArgs } from './dto/referrals-to-review.args';
import { Referral, ReferralTransition } from './entities';
import {
  LoadedReferral,
  mayReadDuplicate,
  mayReadTransitions,
  toMyReferralView,
  toReferralView,
} from './referral.view';

const LIST_LIMIT = 200;

/**
 * Reads of referrals: rows filtered in SQL by the rules, which also tell, in the same statement,
 * how the reader relates to each row; the field gate turns that into what is shown and audited.
 * A list costs the same few queries whatever its length.
 */
@Injectable()
export class ReferralQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly identities: IdentityReader,
    private readonly consents: ConsentService,
    private readonly agendas: AgendaQueryService,
    private readonly clock: Clock,
  ) {}

  referral(actor: Principal, referralId: string): Promise<ReferralObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const [view] = await this.views(manager, actor, { referralId }, true);
      if (!view) throw await this.access.notFound(manager, 'read', 'Referral', referralId);
      return view;
    });
  }

  /** Every referral about a person the reader may read, with its history where the reader reads it. */
  referralsOf(actor: Principal, personId: string): Promise<ReferralObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, (manager) =>
      this.views(manager, actor, { personId }, true),
    );
  }

  /** The coordinator's inbox and the cell's pre-review: what each may see in the territory. */
  referrals(actor: Principal, territoryId: string, status?: ReferralStatus): Promise<ReferralObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, (manager) =>
      this.views(manager, actor, { territoryId, status }, false),
    );
  }

  /**
   * « À traiter » : the referrals sent or in pre-review, waiting for the coordination, the longest
   * waiting first, a page at a time. Only the coordination's rows (`review`), read as `referrals`
   * reads them (same gate, same audit), in the same few statements whatever the page size.
   */
  referralsToReview(actor: Principal, args: ReferralsToReviewArgs): Promise<Connection<ReferralObject>> {
    const after = args.after ? decodeCursor(args.after, REVIEW_CURSOR) : null;
    if (args.after && !after)
      throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const page = await this.views(manager, actor, { territoryId: args.territoryId }, false, {
        first: args.first,
        after: after as [string, string] | null,
      });
      const shown = page.slice(0, args.first);
      const edges = shown.map((node) => ({
        cursor: encodeCursor([node.submittedAt!.toISOString(), node.id]),
        node,
      }));
      return {
        edges,
        pageInfo: { hasNextPage: page.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
      };
    });
  }

  /** « Les saisines de mon organisation » : the status and what concerns us, nothing confidential. */
  myOrganisationReferrals(actor: Principal, territoryId: string): Promise<MyReferralObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Referral)
        .createQueryBuilder('referral')
        .innerJoinAndMapOne('referral.person', Person, 'person', 'person.id = referral.personId')
        .leftJoinAndMapOne(
          'referral.situation',
          Situation,
          'situation',
          'situation.id = referral.situationId',
        )
        .where('referral.territoryId = :territoryId AND referral.referrerOrganisationId = :organisationId', {
          territoryId,
          organisationId: actor.organisationId,
        })
        .orderBy('referral.createdAt', 'DESC')
        .limit(LIST_LIMIT);
      const readAccess = this.access.selectRowAccess(query, actor, 'read', 'Referral', MyReferralObject);
      const { entities: referrals, raw } = await query.getRawAndEntities();
      const accesses = readAccess(raw);
      const actions = referrals.length
        ? manager
            .getRepository(SituationAction)
            .createQueryBuilder('action')
            .where('action.personId IN (:...personIds) AND action.ownerOrganisationId = :organisationId', {
              personIds: [...new Set(referrals.map((referral) => referral.personId))],
              organisationId: actor.organisationId,
            })
            .orderBy('action.dueOn', 'ASC')
        : null;
      if (actions) this.access.accessibleBy(actions, actor, 'read', 'SituationAction');
      const ours = actions ? await actions.getMany() : [];
      const situationIds = referrals.flatMap((referral) =>
        referral.situationId ? [referral.situationId] : [],
      );
      const nextMeetings = await this.agendas.nextMeetingsOf(manager, situationIds, this.clock.now());
      const views = referrals.map((referral) =>
        toMyReferralView(actor, {
          referral,
          access: accesses.get(referral.id)!,
          nextMeetingAt: referral.situationId ? (nextMeetings.get(referral.situationId) ?? null) : null,
          actionsForMyOrganisation: ours
            .filter((action) => action.personId === referral.personId)
            .map((action) => toActionObject(action, referral.person!.caseCode)),
        }),
      );
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
      return views.map((view) => view.value);
    });
  }

  private async views(
    manager: EntityManager,
    actor: Principal,
    filter: { referralId?: string; territoryId?: string; personId?: string; status?: ReferralStatus },
    withTransitions: boolean,
    /** A page of the coordination's queue: sent or in pre-review, the longest waiting first. */
    review?: { first: number; after: [string, string] | null },
  ): Promise<ReferralObject[]> {
    // The referring organisation's kind comes with the row: its kind may be told where its name
    // may not (a CMP would disclose psychiatric care).
    const query = manager
      .getRepository(Referral)
      .createQueryBuilder('referral')
      .innerJoinAndMapOne('referral.person', Person, 'person', 'person.id = referral.personId')
      .leftJoinAndMapOne(
        'referral.referrerOrganisation',
        Organisation,
        'referrer',
        'referrer.id = referral.referrerOrganisationId',
      )
      .limit(review ? review.first + 1 : LIST_LIMIT);
    if (review) {
      // Milliseconds: the cursor carries the moment as JavaScript reads it.
      const sentAt = "date_trunc('milliseconds', referral.submittedAt)";
      query
        .andWhere('referral.status IN (:...waiting)', {
          waiting: [ReferralStatus.SUBMITTED, ReferralStatus.PRE_REVIEW],
        })
        .orderBy(sentAt, 'ASC')
        .addOrderBy('referral.id', 'ASC');
      if (review.after)
        query.andWhere(
          `(${sentAt}, referral.id) > (CAST(:sentAfter AS timestamptz), CAST(:idAfter AS uuid))`,
          {
            sentAfter: review.after[0],
            idAfter: review.after[1],
          },
        );
      this.access.accessibleBy(query, actor, 'review', 'Referral');
    } else {
      query.orderBy('referral.submittedAt', 'DESC', 'NULLS FIRST').addOrderBy('referral.createdAt', 'DESC');
    }
    if (filter.referralId) query.andWhere('referral.id = :referralId', { referralId: filter.referralId });
    if (filter.territoryId)
      query.andWhere('referral.territoryId = :territoryId', { territoryId: filter.territoryId });
    if (filter.status) query.andWhere('referral.status = :status', { status: filter.status });
    if (filter.personId) query.andWhere('referral.personId = :personId', { personId: filter.personId });
    const readAccess = this.access.selectRowAccess(query, actor, 'read', 'Referral');
    const { entities, raw } = await query.getRawAndEntities();
    if (!entities.length) return [];
    const referrals = entities as LoadedReferral[];
    const accesses = readAccess(raw);
    const accessOf = (referral: Referral) => accesses.get(referral.id)!;

    const personIds = referrals.map((referral) => referral.personId);
    const identities = await this.identities.readableIdentities(manager, actor, personIds, false);
    const states = await this.consents.consentStates(manager, personIds);
    const duplicateIds = referrals
      .filter((referral) => referral.possibleDuplicatePersonId && mayReadDuplicate(accessOf(referral)))
      .map((referral) => referral.possibleDuplicatePersonId!);
    const duplicates = duplicateIds.length ? await manager.findBy(Person, { id: In(duplicateIds) }) : [];
    const withHistory = withTransitions
      ? referrals.filter((referral) => mayReadTransitions(accessOf(referral)))
      : [];
    const transitions = withHistory.length
      ? await manager.find(ReferralTransition, {
          where: { referralId: In(withHistory.map((referral) => referral.id)) },
          order: { occurredAt: 'ASC' },
        })
      : [];

    const views = referrals.map((referral) => {
      const duplicate = duplicates.find((person) => person.id === referral.possibleDuplicatePersonId);
      return toReferralView(actor, {
        referral,
        access: accessOf(referral),
        identity: identities.get(referral.personId) ?? null,
        consentStatus: states.get(referral.personId)?.status ?? null,
        possibleDuplicate: duplicate ? toPersonObject(duplicate) : null,
        transitions: withTransitions
          ? transitions.filter((transition) => transition.referralId === referral.id)
          : null,
      });
    });
    // One event per person read, naming every confidential category the gate showed.
    await this.audit.recordReads(
      manager,
      actor,
      views.map((view, index) => ({
        territoryId: view.value.territoryId,
        personId: referrals[index].personId,
        subject: { type: 'Referral', id: view.value.id },
        categories: view.shown,
      })),
    );
    return views.map((view) => view.value);
  }
}

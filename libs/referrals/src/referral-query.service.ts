import { Injectable } from '@nestjs/common';
import { AccessService, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import { Organisation } from '@relais/identity';
import { ConsentService } from '@relais/consent';
import { IdentityReader, Person, toPersonObject } from '@relais/situations';
import {
  CountedConnection,
  CursorShape,
  decodeCursor,
  encodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
} from '@relais/graphql';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { ReferralStatus } from './domain/referral-status';
import { CREATED_CURSOR, ReferralsArgs } from './dto/referral-lists.args';
import { ReferralObject } from './dto/referral.objects';
import { REVIEW_CURSOR, ReferralsToReviewArgs } from './dto/referrals-to-review.args';
import { Referral, ReferralTransition } from './entities';
import { prepared } from './prepared-statement';
import { LoadedReferral, mayReadDuplicate, mayReadTransitions, toReferralView } from './referral.view';
import { inOrderOfOccurrence } from './domain/transition-order';

/** Reads a page's `after` cursor, refused in French when it was not written for this list. */
export function cursorAfter(after: string | null | undefined, shape: CursorShape): [string, string] | null {
  if (!after) return null;
  const key = decodeCursor(after, shape);
  if (!key) throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
  return key as [string, string];
}

/** The creation moment to the microsecond, in UTC, as a cursor carries it. */
export const createdText = (alias: string) =>
  `to_char(${alias}.createdAt AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A person's referrals, read whole: a person is referred a few times, not hundreds. */
const PERSON_REFERRALS_LIMIT = 100;

/** Filters of a list of referrals, each applied in SQL. */
interface ReferralFilter {
  referralId?: string;
  territoryId?: string;
  personId?: string;
  status?: ReferralStatus;
}

/** Which page of which list: the coordination's queue (`review`) or the territory's list (`newest`). */
interface PageRequest {
  order: 'review' | 'newest';
  first: number;
  after: [string, string] | null;
}

interface ReadReferral {
  node: ReferralObject;
  /** The row's creation, to the microsecond (the `newest` list's cursor). */
  created: string;
}

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
  ) {}

  referral(actor: Principal, referralId: string): Promise<ReferralObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const [view] = await this.views(manager, actor, { referralId }, true);
      if (!view) throw await this.access.notFound(manager, 'read', 'Referral', referralId);
      return view.node;
    });
  }

  /** Every referral about a person the reader may read, with its history where the reader reads it. */
  referralsOf(actor: Principal, personId: string): Promise<ReferralObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) =>
      (await this.views(manager, actor, { personId }, true)).map((row) => row.node),
    );
  }

  /**
   * The coordinator's list and the cell's pre-review: what each may see in the territory, the most
   * recently created first (a creation moment never changes, so a row cannot move between pages).
   */
  referrals(actor: Principal, args: ReferralsArgs): Promise<CountedConnection<ReferralObject>> {
    const after = cursorAfter(args.after, CREATED_CURSOR);
    const filter = { territoryId: args.territoryId, status: args.status ?? undefined };
    // Lists: on the standby once it has replayed the reader's writes and its territories'.
    return this.database.read({ territoryIds: actor.territoryIds }, actor.standbyReads, async (manager) => {
      const page: PageRequest = { order: 'newest', first: args.first, after };
      const rows = await this.views(manager, actor, filter, false, page);
      return this.connection(rows, args.first, await this.count(manager, actor, filter, page), (row) => [
        row.created,
        row.node.id,
      ]);
    });
  }

  /**
   * « À traiter » : the referrals sent or in pre-review, waiting for the coordination, the longest
   * waiting first, a page at a time. Only the coordination's rows (`review`), read as `referrals`
   * reads them (same gate, same audit), in the same few statements whatever the page size.
   */
  referralsToReview(
    actor: Principal,
    args: ReferralsToReviewArgs,
  ): Promise<CountedConnection<ReferralObject>> {
    const after = cursorAfter(args.after, REVIEW_CURSOR);
    const filter = { territoryId: args.territoryId };
    return this.database.read({ territoryIds: actor.territoryIds }, actor.standbyReads, async (manager) => {
      const page: PageRequest = { order: 'review', first: args.first, after };
      const rows = await this.views(manager, actor, filter, false, page);
      return this.connection(rows, args.first, await this.count(manager, actor, filter, page), (row) => [
        row.node.submittedAt!.toISOString(),
        row.node.id,
      ]);
    });
  }

  private connection(
    rows: readonly ReadReferral[],
    first: number,
    totalCount: number,
    keyOf: (row: ReadReferral) => string[],
  ): CountedConnection<ReferralObject> {
    const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor(keyOf(row)), node: row.node }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
    };
  }

  /** The rows of a list, through the same conditions and rules as its pages, whatever the cursor. */
  private count(
    manager: EntityManager,
    actor: Principal,
    filter: ReferralFilter,
    page: PageRequest,
  ): Promise<number> {
    const query = this.filtered(manager, actor, filter, page);
    this.access.accessibleBy(query, actor, 'read', 'Referral');
    return prepared(query, `referrals-${page.order}-count`).getCount();
  }

  /** The list's rows with their conditions: the filters asked, and the queue's own rule. */
  private filtered(
    manager: EntityManager,
    actor: Principal,
    filter: ReferralFilter,
    page?: PageRequest,
  ): SelectQueryBuilder<Referral> {
    const query = manager.getRepository(Referral).createQueryBuilder('referral');
    if (page?.order === 'review') {
      query.andWhere('referral.status IN (:...waiting)', {
        waiting: [ReferralStatus.SUBMITTED, ReferralStatus.PRE_REVIEW],
      });
      this.access.accessibleBy(query, actor, 'review', 'Referral');
    }
    if (filter.referralId) query.andWhere('referral.id = :referralId', { referralId: filter.referralId });
    if (filter.territoryId)
      query.andWhere('referral.territoryId = :territoryId', { territoryId: filter.territoryId });
    if (filter.status) query.andWhere('referral.status = :status', { status: filter.status });
    if (filter.personId) query.andWhere('referral.personId = :personId', { personId: filter.personId });
    return query;
  }

  private async views(
    manager: EntityManager,
    actor: Principal,
    filter: ReferralFilter,
    withTransitions: boolean,
    page?: PageRequest,
  ): Promise<ReadReferral[]> {
    // The referring organisation's kind comes with the row: its kind may be told where its name
    // may not (a CMP would disclose psychiatric care).
    const query = this.filtered(manager, actor, filter, page)
      .innerJoinAndMapOne('referral.person', Person, 'person', 'person.id = referral.personId')
      .leftJoinAndMapOne(
        'referral.referrerOrganisation',
        Organisation,
        'referrer',
        'referrer.id = referral.referrerOrganisationId',
      )
      .addSelect(createdText('referral'), 'cursor_created')
      .limit(page ? page.first + 1 : PERSON_REFERRALS_LIMIT);
    if (page?.order === 'review') {
      // Milliseconds: the cursor carries the moment as JavaScript reads it.
      const sentAt = "date_trunc('milliseconds', referral.submittedAt)";
      query.orderBy(sentAt, 'ASC').addOrderBy('referral.id', 'ASC');
      if (page.after)
        query.andWhere(
          `(${sentAt}, referral.id) > (CAST(:sentAfter AS timestamptz), CAST(:idAfter AS uuid))`,
          { sentAfter: page.after[0], idAfter: page.after[1] },
        );
    } else if (page) {
      query.orderBy('referral.createdAt', 'DESC').addOrderBy('referral.id', 'DESC');
      if (page.after)
        query.andWhere(
          '(referral.createdAt, referral.id) < (CAST(:createdBefore AS timestamptz), CAST(:idBefore AS uuid))',
          { createdBefore: page.after[0], idBefore: page.after[1] },
        );
    } else {
      query.orderBy('referral.submittedAt', 'DESC', 'NULLS FIRST').addOrderBy('referral.createdAt', 'DESC');
    }
    const readAccess = this.access.selectRowAccess(query, actor, 'read', 'Referral');
    if (page) prepared(query, `referrals-${page.order}-page`);
    const { entities, raw } = await query.getRawAndEntities();
    if (!entities.length) return [];
    const referrals = entities as LoadedReferral[];
    const created = new Map(
      (raw as Record<string, string>[]).map((row) => [row.referral_id, row.cursor_created]),
    );
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
          ? inOrderOfOccurrence(transitions.filter((transition) => transition.referralId === referral.id))
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
    return views.map((view) => ({ node: view.value, created: created.get(view.value.id)! }));
  }
}

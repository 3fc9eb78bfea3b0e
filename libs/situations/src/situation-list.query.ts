import { decodeCursor, INVALID_CURSOR_MESSAGE, InputValidationException } from '@relais/graphql';
import { OrganisationKind, ReferrerKind, referrerKindOf } from '@relais/identity';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ActionStatus } from './domain/action-status';
import { SituationStatus } from './domain/situation-status';
import { SITUATION_CURSOR, SituationFilterInput } from './dto/situations.args';
import { Person, Situation, SituationAction } from './entities';

/** Where situations without a planned review sort: after every real day. */
const NO_REVIEW = '9999-12-31';
const REVIEW_KEY = `COALESCE("situation"."next_review_on", DATE '${NO_REVIEW}')`;
const OPEN_ACTIONS: readonly ActionStatus[] = [
  ActionStatus.TODO,
  ActionStatus.IN_PROGRESS,
  ActionStatus.BLOCKED,
];

/** A situation as the list reads it: the columns it shows, its sort key and who referred it. */
export interface ListedSituation {
  id: string;
  territoryId: string;
  personId: string;
  status: SituationStatus;
  openedAt: Date;
  /** A Paris day (`YYYY-MM-DD`), or null when no review is planned. */
  nextReviewOn: string | null;
  reviewKey: string;
  openedKey: string;
  referrerKinds: ReferrerKind[];
  /** Null when row-level security hides the person: the row is then not shown. */
  person: Person | null;
}

/** Which page of a territory's situations, and which of them. */
export interface SituationPageRequest {
  territoryId: string;
  first: number;
  after?: string | null;
  filter?: SituationFilterInput | null;
}

/**
 * The named values of one page's statement, checked: which of them are present decides the
 * statement's clauses (see `situationPageQuery`), their values are the request's.
 */
export function situationPageValues(request: SituationPageRequest): Record<string, unknown> {
  const values: Record<string, unknown> = { territoryId: request.territoryId };
  const filter = request.filter ?? {};
  if (filter.statuses) values.statuses = filter.statuses;
  const district = filter.district?.trim();
  if (district) values.district = district;
  if (filter.referrerKinds) {
    const wanted = new Set(filter.referrerKinds);
    values.organisationKinds = Object.values(OrganisationKind).filter((kind) =>
      wanted.has(referrerKindOf(kind)),
    );
  }
  if (filter.reviewDueBy) values.reviewDueBy = filter.reviewDueBy;
  if (request.after) {
    const key = decodeCursor(request.after, SITUATION_CURSOR);
    if (!key) throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
    [values.afterReview, values.afterOpened, values.afterId] = key;
  }
  return values;
}

/** What a page's statement text varies with besides the reader's rules: its size and its clauses. */
export function situationPageShape(first: number, values: Readonly<Record<string, unknown>>): string {
  return `situations-page:${first}:${Object.keys(values).sort().join(',')}`;
}

/**
 * The statement of one page: the situations of the territory matching the filter, next review
 * soonest (none planned last), then the oldest opened, one row more than asked. Who referred
 * lives in the referrals context: it is read by table, in the same statement, never row by row.
 * The person and who referred are sub-queries of the selected columns, not joins: Postgres
 * evaluates them after the sort and the limit, for the page's rows only. A join made it look up the
 * person of every situation of the territory before sorting (6,667 lookups for a 50-row page on a
 * large territory), its estimates being too low to read the ordered index instead.
 * Read as rows, not entities: only these columns are shown, and hydrating the whole entity cost more
 * than the statement's own parsing. `bound` gives each value of `situationPageValues` (or the slot
 * standing for it); every list is bound whole (`= ANY`), so the text does not vary with its length.
 * The access rules are added by the caller.
 */
export function situationPageQuery(
  manager: EntityManager,
  first: number,
  bound: Readonly<Record<string, unknown>>,
): SelectQueryBuilder<Situation> {
  const query = manager
    .getRepository(Situation)
    .createQueryBuilder('situation')
    .select('"situation"."id"', 'list_id')
    .addSelect('"situation"."territory_id"', 'list_territory_id')
    .addSelect('"situation"."person_id"', 'list_person_id')
    .addSelect('"situation"."status"', 'list_status')
    .addSelect('"situation"."opened_at"', 'list_opened_at')
    .addSelect('"situation"."next_review_on"::text', 'list_next_review_on')
    .addSelect(
      `(SELECT json_build_object('id', "listed_person"."id", 'territoryId', "listed_person"."territory_id",
          'caseCode', "listed_person"."case_code", 'initials', "listed_person"."initials",
          'ageBand', "listed_person"."age_band", 'district', "listed_person"."district")
        FROM "persons" "listed_person" WHERE "listed_person"."id" = "situation"."person_id")`,
      'list_person',
    )
    .addSelect(`${REVIEW_KEY}::text`, 'list_review_key')
    .addSelect(
      `to_char("situation"."opened_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      'list_opened_key',
    )
    .addSelect(
      `ARRAY(SELECT DISTINCT "referrer"."kind"::text FROM "referrals" "referral"
        JOIN "organisations" "referrer" ON "referrer"."id" = "referral"."referrer_organisation_id"
        WHERE "referral"."situation_id" = "situation"."id")`,
      'list_referrer_kinds',
    )
    .where('situation.territoryId = :territoryId', { territoryId: bound.territoryId })
    .orderBy(REVIEW_KEY, 'ASC')
    .addOrderBy('situation.openedAt', 'ASC')
    .addOrderBy('situation.id', 'ASC')
    .limit(first + 1)
    // Its text varies only with the reader's rules, the filters and cursor given and the page size.
    .comment('prepared:situations-page');
  const given = (name: string) => Object.prototype.hasOwnProperty.call(bound, name);
  if (given('statuses'))
    query.andWhere('"situation"."status" = ANY(CAST(:statuses AS situation_status[]))', {
      statuses: bound.statuses,
    });
  if (given('district'))
    query.andWhere(
      `EXISTS (SELECT 1 FROM "persons" "filter_person" WHERE "filter_person"."id" = "situation"."person_id"
        AND lower("filter_person"."district") = lower(:district))`,
      { district: bound.district },
    );
  if (given('organisationKinds'))
    query.andWhere(
      `EXISTS (SELECT 1 FROM "referrals" "filter_referral"
        JOIN "organisations" "filter_referrer" ON "filter_referrer"."id" = "filter_referral"."referrer_organisation_id"
        WHERE "filter_referral"."situation_id" = "situation"."id"
          AND "filter_referrer"."kind"::text = ANY(CAST(:organisationKinds AS text[])))`,
      { organisationKinds: bound.organisationKinds },
    );
  if (given('reviewDueBy'))
    query.andWhere(
      `"situation"."status" <> :closed AND ("situation"."status" = :reviewDue OR "situation"."next_review_on" <= CAST(:reviewDueBy AS date))`,
      {
        closed: SituationStatus.CLOSED,
        reviewDue: SituationStatus.REVIEW_DUE,
        reviewDueBy: bound.reviewDueBy,
      },
    );
  // The key compares in the list's own order, so the page starts right after the cursor.
  if (given('afterId'))
    query.andWhere(
      `(${REVIEW_KEY}, "situation"."opened_at", "situation"."id") > (CAST(:afterReview AS date), CAST(:afterOpened AS timestamptz), CAST(:afterId AS uuid))`,
      { afterReview: bound.afterReview, afterOpened: bound.afterOpened, afterId: bound.afterId },
    );
  return query;
}

/** The situations of the page's raw rows, in their order. */
export function listedSituations(raw: readonly Record<string, unknown>[]): ListedSituation[] {
  return raw.map((row) => {
    const kinds = (row.list_referrer_kinds as string[] | null) ?? [];
    return {
      id: row.list_id as string,
      territoryId: row.list_territory_id as string,
      personId: row.list_person_id as string,
      status: row.list_status as SituationStatus,
      openedAt: row.list_opened_at as Date,
      nextReviewOn: row.list_next_review_on as string | null,
      reviewKey: row.list_review_key as string,
      openedKey: row.list_opened_key as string,
      referrerKinds: [...new Set(kinds.map((kind) => referrerKindOf(kind as OrganisationKind)))].sort(),
      person: row.list_person ? Object.assign(new Person(), row.list_person) : null,
    };
  });
}

/**
 * The statement counting, per situation of the page, the open actions (the caller adds the rules);
 * `situationIds` is the page's ids, or the slot standing for them.
 */
export function openActionsQuery(
  manager: EntityManager,
  situationIds: unknown,
): SelectQueryBuilder<SituationAction> {
  return (
    manager
      .getRepository(SituationAction)
      .createQueryBuilder('action')
      .select('"action"."situation_id"', 'situation_id')
      .addSelect('COUNT(*)::int', 'open_count')
      .addSelect('MIN("action"."due_on")::text', 'next_due_on')
      // One array rather than a list of values, so that the text is the same whatever the page's length.
      .where('action.situationId = ANY(:situationIds)', { situationIds })
      .andWhere('action.status IN (:...openStatuses)', { openStatuses: OPEN_ACTIONS })
      .groupBy('"action"."situation_id"')
      .comment('prepared:situations-open-actions')
  );
}

import { Injectable } from '@nestjs/common';
import { AccessService, asSubject, Principal } from '@relais/access';
import { ScopedDatabase, slot, StatementTemplate } from '@relais/database';
import { decodeCursor, INVALID_CURSOR_MESSAGE, InputValidationException } from '@relais/graphql';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AUDIT_EVENT_CURSOR } from './dto/audit-event.connection';
import { AuditEventCategory, AuditEventFilterInput } from './dto/audit.objects';
import { AuditEvent } from './entities';
import { AuditEventChainer } from './chain/audit-event.chainer';
import { SECURITY_ACTION_PREFIX, SECURITY_EVENT_KINDS } from './security/security-event';
import { AuditChainVerifier } from './chain/audit-chain.verifier';
import { AuditChainReport } from './verify-audit-chain';

/**
 * Written as a literal, identical to the predicate of `ix_audit_events_territory_security`, so
 * that Postgres reads security events from that index; the list of kinds makes the filter exact.
 */
const SECURITY_ACTION = `"event"."action" LIKE '${SECURITY_ACTION_PREFIX.replace(/[_%\\]/g, '\\$&')}%'`;

export interface AuditEventView extends AuditEvent {
  actorName: string | null;
}

/**
 * A line of a journal page: what the page shows, and the position its cursor is made of; never the
 * chain's hashes, which only verification reads.
 */
export interface AuditLine {
  id: string;
  territoryId: string;
  position: string;
  /** Its own place in the chain, or for a read its link's; null while the read waits for its link. */
  sequence: string | null;
  occurredAt: Date;
  actorUserId: string | null;
  actorName: string | null;
  requestId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  personId: string | null;
  dataCategories: string[];
  details: Record<string, unknown>;
}

/**
 * A read's place in the chain is its link's: the first link reaching its position that covers it
 * (links are found by their last position). Looked for only for a read: no link covers an event
 * chained when written, so for one the search went through every later link of the territory (a
 * page of "who saw this file" took 38 ms for it nationally).
 */
const READ_LINK_SEQUENCE = `CASE WHEN event.sequence IS NULL THEN (SELECT link.sequence FROM audit_read_links link
   WHERE link.territory_id = event.territory_id AND link.last_position >= event.position
     AND event.position = ANY (link.positions)
   ORDER BY link.last_position LIMIT 1) END`;

function withReadLinkSequence<T extends SelectQueryBuilder<AuditEvent>>(query: T): T {
  query.addSelect(READ_LINK_SEQUENCE, 'link_sequence');
  return query;
}

/** The events that show something of a person to someone: a read through the gate, a document, an identity shown. */
export const PERSON_READ_ACTIONS = [
  'PERSON_DATA_READ',
  'DOCUMENT_DOWNLOADED',
  'IDENTITY_REVEALED_IN_MEETING',
];

/** A page of the journal: how many, and after which event (its cursor). */
export interface AuditPage {
  first: number;
  after?: string | null;
}

export interface PersonReadView extends AuditEventView {
  actorOrganisationId: string | null;
  actorOrganisationName: string | null;
}

/**
 * Reading the log: every query narrowed by the ability in SQL, inside the caller's territories.
 * Lists read events as written, chained or not yet (one table): a read shows at once, and keeps
 * its place in the list once chained.
 */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly chain: AuditChainVerifier,
    private readonly chainer: AuditEventChainer,
  ) {}

  /** A page of the journal, most recent first: `first + 1` events, the extra one telling more follow. */
  listEvents(principal: Principal, filter: AuditEventFilterInput, page: AuditPage): Promise<AuditLine[]> {
    const after = afterPosition(page);
    return this.database.run({ territoryIds: principal.territoryIds }, async (manager) => {
      const query = linesOf(manager).where('event.territoryId = :territoryId', {
        territoryId: filter.territoryId,
      });
      this.access.accessibleBy(query, principal, 'read', 'AuditEvent');
      if (filter.actorUserId)
        query.andWhere('event.actorUserId = :actorUserId', { actorUserId: filter.actorUserId });
      if (filter.subjectType)
        query.andWhere('event.subjectType = :subjectType', { subjectType: filter.subjectType });
      if (filter.subjectId) query.andWhere('event.subjectId = :subjectId', { subjectId: filter.subjectId });
      if (filter.action) query.andWhere('event.action = :action', { action: filter.action });
      if (filter.category === AuditEventCategory.SECURITY) {
        query.andWhere(`${SECURITY_ACTION} AND "event"."action" IN (:...securityKinds)`, {
          securityKinds: SECURITY_EVENT_KINDS,
        });
      } else if (filter.category === AuditEventCategory.ACTIVITY) {
        query.andWhere('"event"."action" NOT IN (:...securityKinds)', {
          securityKinds: SECURITY_EVENT_KINDS,
        });
      }
      if (filter.from) query.andWhere('event.occurredAt >= :from', { from: filter.from });
      if (filter.to) query.andWhere('event.occurredAt < :to', { to: filter.to });
      return pageOfEvents(query, after, page.first).getRawMany<AuditLine>();
    });
  }

  /**
   * "Who saw this file": every event about a person or an object, newest first, a page at a time.
   * Its statement is built once per set of rules, page size and first or next page, then sent with
   * each request's values (`StatementTemplate`): building it cost more than reading the page.
   */
  accessLog(
    principal: Principal,
    territoryId: string,
    subjectId: string,
    page: AuditPage,
  ): Promise<AuditLine[]> {
    const after = afterPosition(page);
    return this.database.run({ territoryIds: principal.territoryIds }, async (manager) => {
      const statement = this.access.derivedFromRules(
        principal,
        `access-log:${page.first}:${after ? 'next' : 'first'}`,
        () => {
          const query = linesOf(manager)
            .where('event.territoryId = :territoryId', { territoryId: slot('territoryId') })
            .andWhere('(event.personId = :subjectId OR event.subjectId = :subjectId)', {
              subjectId: slot('subjectId'),
            })
            // Who saw or changed the file: a refused attempt saw nothing, and stays the auditor's.
            .andWhere('"event"."action" NOT IN (:...securityKinds)', { securityKinds: SECURITY_EVENT_KINDS });
          this.access.accessibleBy(query, principal, 'readAccessLog', 'AuditEvent');
          return StatementTemplate.of(pageOfEvents(query, after && slot('after'), page.first));
        },
      );
      return (await manager.query(
        statement.sql,
        statement.values(after ? { territoryId, subjectId, after } : { territoryId, subjectId }),
      )) as AuditLine[];
    });
  }

  /**
   * Who read a person's file, the oldest first: each read of her data (through the gate, a
   * document, an identity shown in a meeting) with the reader and the reader's organisation. The
   * whole history, for the person's right of access (art. 15 RGPD), where `accessLog` shows the
   * latest events of every kind. The reads still waiting are chained first, so the history given
   * her is the chain's, in its order, and verifiable as it stands.
   */
  personReads(principal: Principal, territoryId: string, personId: string): Promise<PersonReadView[]> {
    return this.database.run({ territoryIds: principal.territoryIds }, async (manager) => {
      if (this.access.can(principal, 'readAccessLog', asSubject('AuditEvent', { territoryId })))
        await this.chainer.chainWithin(manager, territoryId);
      const query = withReadLinkSequence(manager.getRepository(AuditEvent).createQueryBuilder('event'))
        .leftJoin('users', 'actor', 'actor.id = event.actor_user_id')
        .leftJoin('organisations', 'organisation', 'organisation.id = actor.organisation_id')
        .addSelect(`concat_ws(' ', actor.first_name, actor.last_name)`, 'actor_name')
        .addSelect('organisation.id', 'organisation_id')
        .addSelect('organisation.name', 'organisation_name')
        .where('event.territoryId = :territoryId AND event.personId = :personId', { territoryId, personId })
        .andWhere('event.action IN (:...readActions)', { readActions: PERSON_READ_ACTIONS });
      this.access.accessibleBy(query, principal, 'readAccessLog', 'AuditEvent');
      // Any read written since the chaining above comes last, in the order it was written.
      query
        .orderBy(`COALESCE(event.sequence, ${READ_LINK_SEQUENCE})`, 'ASC', 'NULLS LAST')
        .addOrderBy('event.position', 'ASC');
      const { entities, raw } = await query.getRawAndEntities<{
        actor_name: string | null;
        link_sequence: string | null;
        organisation_id: string | null;
        organisation_name: string | null;
      }>();
      return eventViews({ entities, raw }).map((event, index) => ({
        ...event,
        actorOrganisationId: raw[index]?.organisation_id ?? null,
        actorOrganisationName: raw[index]?.organisation_name ?? null,
      }));
    });
  }

  verifyChain(principal: Principal, territoryId: string): Promise<AuditChainReport> {
    this.access.assertCan(principal, 'verify', asSubject('AuditEvent', { territoryId }), 'FORBIDDEN');
    return this.database.run({ territoryIds: [territoryId] }, (manager) =>
      this.chain.verify(manager, territoryId),
    );
  }
}

/** Where a page starts: after this position, or from the most recent. */
function afterPosition(page: AuditPage): string | null {
  if (!page.after) return null;
  const decoded = decodeCursor(page.after, AUDIT_EVENT_CURSOR);
  if (!decoded) throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
  return decoded[0];
}

/**
 * The journal's lines with their author's name, read as rows: a page shows these columns only, and
 * making fifty entities of every column, then copying them, cost about 13 % of "who saw this
 * file"'s api CPU at national scale.
 */
function linesOf(manager: EntityManager): SelectQueryBuilder<AuditEvent> {
  return manager
    .getRepository(AuditEvent)
    .createQueryBuilder('event')
    .select('"event"."id"', 'id')
    .addSelect('"event"."territory_id"', 'territoryId')
    .addSelect('"event"."position"', 'position')
    .addSelect(`COALESCE("event"."sequence", ${READ_LINK_SEQUENCE})`, 'sequence')
    .addSelect('"event"."occurred_at"', 'occurredAt')
    .addSelect('"event"."actor_user_id"', 'actorUserId')
    .addSelect(`NULLIF(concat_ws(' ', "actor"."first_name", "actor"."last_name"), '')`, 'actorName')
    .addSelect('"event"."request_id"', 'requestId')
    .addSelect('"event"."action"', 'action')
    .addSelect('"event"."subject_type"', 'subjectType')
    .addSelect('"event"."subject_id"', 'subjectId')
    .addSelect('"event"."person_id"', 'personId')
    .addSelect('"event"."data_categories"', 'dataCategories')
    .addSelect('"event"."details"', 'details')
    .leftJoin('users', 'actor', 'actor.id = event.actor_user_id');
}

/** Up to `first + 1` lines, the newest first, after the position `after` (or its slot) when given. */
function pageOfEvents(
  query: SelectQueryBuilder<AuditEvent>,
  after: unknown,
  first: number,
): SelectQueryBuilder<AuditEvent> {
  if (after) query.andWhere('event.position < :after', { after });
  // Its text varies only with the reader's rules, the filters given, the page size and the cursor's presence.
  return query
    .orderBy('event.position', 'DESC')
    .limit(first + 1)
    .comment('prepared:audit-lines-page');
}

/** Each event with its author's name and, for a read, the sequence its link gives it. */
function eventViews({
  entities,
  raw,
}: {
  entities: AuditEvent[];
  raw: { actor_name: string | null; link_sequence: string | null }[];
}): AuditEventView[] {
  return entities.map((event, index) => ({
    ...event,
    sequence: event.sequence ?? raw[index]?.link_sequence ?? null,
    actorName: raw[index]?.actor_name || null,
  }));
}

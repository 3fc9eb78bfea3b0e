import { Injectable } from '@nestjs/common';
import { AccessService, asSubject, Principal } from '@relais/access';
import { ScopedDatabase } from '@relais/database';
import { AuditEventCategory, AuditEventFilterInput } from './dto/audit.objects';
import { AuditEvent } from './entities';
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

/** The events that show something of a person to someone: a read through the gate, a document, an identity shown. */
export const PERSON_READ_ACTIONS = [
  'PERSON_DATA_READ',
  'DOCUMENT_DOWNLOADED',
  'IDENTITY_REVEALED_IN_MEETING',
];

export interface PersonReadView extends AuditEventView {
  actorOrganisationId: string | null;
  actorOrganisationName: string | null;
}

/** Reading the log: every query narrowed by the ability in SQL, inside the caller's territories. */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly chain: AuditChainVerifier,
  ) {}

  listEvents(principal: Principal, filter: AuditEventFilterInput): Promise<AuditEventView[]> {
    return this.database.run({ territoryIds: principal.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(AuditEvent)
        .createQueryBuilder('event')
        .leftJoin('users', 'actor', 'actor.id = event.actor_user_id')
        .addSelect(`concat_ws(' ', actor.first_name, actor.last_name)`, 'actor_name')
        .where('event.territoryId = :territoryId', { territoryId: filter.territoryId });
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
      if (filter.beforeSequence && /^\d+$/.test(filter.beforeSequence)) {
        query.andWhere('event.sequence < :before', { before: filter.beforeSequence });
      }
      query.orderBy('event.sequence', 'DESC').limit(filter.first);
      return withActorNames(await query.getRawAndEntities());
    });
  }

  /** "Who saw this file": every event about a person or an object, newest first. */
  accessLog(principal: Principal, territoryId: string, subjectId: string): Promise<AuditEventView[]> {
    return this.database.run({ territoryIds: principal.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(AuditEvent)
        .createQueryBuilder('event')
        .leftJoin('users', 'actor', 'actor.id = event.actor_user_id')
        .addSelect(`concat_ws(' ', actor.first_name, actor.last_name)`, 'actor_name')
        .where('event.territoryId = :territoryId', { territoryId })
        .andWhere('(event.personId = :subjectId OR event.subjectId = :subjectId)', { subjectId })
        // Who saw or changed the file: a refused attempt saw nothing, and stays the auditor's.
        .andWhere('"event"."action" NOT IN (:...securityKinds)', { securityKinds: SECURITY_EVENT_KINDS });
      this.access.accessibleBy(query, principal, 'readAccessLog', 'AuditEvent');
      query.orderBy('event.sequence', 'DESC').limit(500);
      return withActorNames(await query.getRawAndEntities());
    });
  }

  /**
   * Who read a person's file, the oldest first: each read of her data (through the gate, a
   * document, an identity shown in a meeting) with the reader and the reader's organisation. The
   * whole history, for the person's right of access (art. 15 RGPD), where `accessLog` shows the
   * latest events of every kind.
   */
  personReads(principal: Principal, territoryId: string, personId: string): Promise<PersonReadView[]> {
    return this.database.run({ territoryIds: principal.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(AuditEvent)
        .createQueryBuilder('event')
        .leftJoin('users', 'actor', 'actor.id = event.actor_user_id')
        .leftJoin('organisations', 'organisation', 'organisation.id = actor.organisation_id')
        .addSelect(`concat_ws(' ', actor.first_name, actor.last_name)`, 'actor_name')
        .addSelect('organisation.id', 'organisation_id')
        .addSelect('organisation.name', 'organisation_name')
        .where('event.territoryId = :territoryId AND event.personId = :personId', { territoryId, personId })
        .andWhere('event.action IN (:...readActions)', { readActions: PERSON_READ_ACTIONS });
      this.access.accessibleBy(query, principal, 'readAccessLog', 'AuditEvent');
      query.orderBy('event.sequence', 'ASC');
      const { entities, raw } = await query.getRawAndEntities<{
        actor_name: string | null;
        organisation_id: string | null;
        organisation_name: string | null;
      }>();
      return entities.map((event, index) => ({
        ...event,
        actorName: raw[index]?.actor_name || null,
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

function withActorNames({ entities, raw }: { entities: AuditEvent[]; raw: { actor_name: string | null }[] }) {
  return entities.map((event, index) => ({ ...event, actorName: raw[index]?.actor_name || null }));
}

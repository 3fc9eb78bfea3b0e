import { Injectable } from '@nestjs/common';
import { AccessService, NO_ACCESS, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import {
  CountedConnection,
  decodeCursor,
  encodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
} from '@relais/graphql';
import { EntityManager } from 'typeorm';
import { auditedRead, gateDerogation } from './consent.mapper';
import { DerogationStatus } from './domain/consent.enums';
import { DerogationObject } from './dto/consent.dto';
import { DEROGATION_CURSOR, DerogationsArgs } from './dto/derogation-list.dto';
import { ConsentException } from './entities';
import { prepared } from './prepared-statement';

/**
 * The territory's derogations a page at a time, filtered in SQL by the rules, each through the one
 * gate. Those awaiting approval come the longest waiting first (what the coordination must decide
 * first); the others, a history, the most recent first.
 */
@Injectable()
export class DerogationListService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  derogations(actor: Principal, args: DerogationsArgs): Promise<CountedConnection<DerogationObject>> {
    const after = args.after ? decodeCursor(args.after, DEROGATION_CURSOR) : null;
    if (args.after && !after)
      throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
    const oldestFirst = args.status === DerogationStatus.PENDING;
    const direction = oldestFirst ? 'ASC' : 'DESC';
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = this.filtered(manager, args)
        .addSelect(
          `to_char(derogation.requestedAt AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
          'cursor_requested',
        )
        .orderBy('derogation.requestedAt', direction)
        .addOrderBy('derogation.id', direction)
        .limit(args.first + 1);
      if (after)
        query.andWhere(
          `(derogation.requestedAt, derogation.id) ${oldestFirst ? '>' : '<'} (CAST(:afterRequestedAt AS timestamptz), CAST(:afterId AS uuid))`,
          { afterRequestedAt: after[0], afterId: after[1] },
        );
      const accessOf = this.access.selectRowAccess(query, actor, 'read', 'ConsentException');
      const { entities, raw } = await prepared(
        query,
        `derogations-${oldestFirst ? 'oldest' : 'newest'}-page`,
      ).getRawAndEntities();
      const counted = this.access.accessibleBy(
        this.filtered(manager, args),
        actor,
        'read',
        'ConsentException',
      );
      const totalCount = await prepared(counted, 'derogations-count').getCount();

      const accesses = accessOf(raw);
      const requested = new Map(
        (raw as Record<string, string>[]).map((row) => [row.derogation_id, row.cursor_requested]),
      );
      const gated = entities.slice(0, args.first).map((derogation) => ({
        derogation,
        ...gateDerogation(actor, derogation, accesses.get(derogation.id) ?? NO_ACCESS),
      }));
      await this.audit.recordReads(
        manager,
        actor,
        gated.map(({ derogation, shown }) => auditedRead('ConsentException', derogation, shown)),
      );
      const edges = gated.map(({ derogation, value }) => ({
        cursor: encodeCursor([requested.get(derogation.id)!, derogation.id]),
        node: value,
      }));
      return {
        edges,
        pageInfo: { hasNextPage: entities.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount,
      };
    });
  }

  private filtered(manager: EntityManager, args: DerogationsArgs) {
    const query = manager
      .getRepository(ConsentException)
      .createQueryBuilder('derogation')
      .where('derogation.territoryId = :territoryId', { territoryId: args.territoryId });
    if (args.status) query.andWhere('derogation.status = :status', { status: args.status });
    return query;
  }
}

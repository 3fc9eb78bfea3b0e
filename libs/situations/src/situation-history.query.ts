import { Injectable } from '@nestjs/common';
import { AccessService, Principal, RowAccess, rowView } from '@relais/access';
import { AuditService } from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import {
  Connection,
  CursorShape,
  decodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
  pageOf,
} from '@relais/graphql';
import { EntityManager } from 'typeorm';
import { ACTION_CURSOR } from './dto/organisation-actions.args';
import { TIMELINE_CURSOR } from './dto/situation-history.args';
import { ActionObject, SituationEventObject, SituationObject } from './dto/situation.objects';
import { SituationAction, SituationEvent } from './entities';
import { gateEvent, toActionObject } from './situation.mapper';

/** A page request; `first: null` reads everything (the person's file and the PPCS hold it all). */
export interface HistoryPage {
  first: number | null;
  after?: string | null;
}

/** The situation a page belongs to, as its reader was shown it. */
type ShownSituation = Pick<SituationObject, 'id' | 'territoryId' | 'person'>;

function positionOf(after: string | null | undefined, shape: CursorShape): string[] | null {
  if (!after) return null;
  const key = decodeCursor(after, shape);
  if (!key) throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
  return key;
}

/**
 * A situation's timeline and actions, a page at a time: each line and action through its own rules
 * in SQL (the same as when they were read with the situation), keyset-ordered, one statement per
 * page whatever the history's length.
 */
@Injectable()
export class SituationHistoryQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  timeline(
    principal: Principal,
    situation: ShownSituation,
    page: HistoryPage,
  ): Promise<Connection<SituationEventObject>> {
    return this.database.run({ territoryIds: principal.territoryIds }, (manager) =>
      this.readTimeline(manager, principal, situation, page),
    );
  }

  actions(
    principal: Principal,
    situation: ShownSituation,
    page: HistoryPage,
  ): Promise<Connection<ActionObject>> {
    return this.database.run({ territoryIds: principal.territoryIds }, (manager) =>
      this.readActions(manager, principal, situation, page),
    );
  }

  /** The most recent line first; the lines shown are audited with the situation they belong to. */
  async readTimeline(
    manager: EntityManager,
    principal: Principal,
    situation: ShownSituation,
    page: HistoryPage,
  ): Promise<Connection<SituationEventObject>> {
    const after = positionOf(page.after, TIMELINE_CURSOR);
    const query = manager
      .getRepository(SituationEvent)
      .createQueryBuilder('event')
      // The cursor keeps the moment to the microsecond, as the order compares it.
      .addSelect(
        `to_char("event"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        'occurred_key',
      )
      .where('event.situationId = :situationId', { situationId: situation.id })
      .orderBy('event.occurredAt', 'DESC')
      .addOrderBy('event.id', 'DESC');
    if (after) {
      query.andWhere(
        '(event.occurredAt, event.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))',
        {
          afterAt: after[0],
          afterId: after[1],
        },
      );
    }
    if (page.first !== null) query.limit(page.first + 1);
    const readAccess = this.access.selectRowAccess(query, principal, 'read', 'SituationEvent');
    query.comment(after ? 'prepared:situation-timeline-next-page' : 'prepared:situation-timeline-first-page');
    const { entities, raw } = await query.getRawAndEntities<{ event_id: string; occurred_key: string }>();
    const accesses = readAccess(raw);
    const keys = new Map(raw.map((row) => [row.event_id, row.occurred_key]));
    const shown = page.first === null ? entities : entities.slice(0, page.first);
    const gated = new Map(
      shown.map((event) => [
        event.id,
        gateEvent(event, rowView(principal, event.territoryId, accesses.get(event.id) as RowAccess)),
      ]),
    );
    await this.audit.recordReads(manager, principal, [
      {
        territoryId: situation.territoryId,
        personId: situation.person.id,
        subject: { type: 'Situation', id: situation.id },
        categories: [...gated.values()].flatMap((line) => line.shown),
      },
    ]);
    return pageOf(
      entities,
      page.first ?? entities.length,
      (event) => [keys.get(event.id)!, event.id],
      (event) => gated.get(event.id)!.value,
    );
  }

  /** The first due first, those the reader may see: all for the coordination, its own otherwise. */
  async readActions(
    manager: EntityManager,
    principal: Principal,
    situation: ShownSituation,
    page: HistoryPage,
  ): Promise<Connection<ActionObject>> {
    const after = positionOf(page.after, ACTION_CURSOR);
    const query = manager
      .getRepository(SituationAction)
      .createQueryBuilder('action')
      .where('action.situationId = :situationId', { situationId: situation.id })
      .orderBy('action.dueOn', 'ASC')
      .addOrderBy('action.id', 'ASC');
    if (after) {
      query.andWhere('(action.dueOn, action.id) > (CAST(:afterDueOn AS date), CAST(:afterId AS uuid))', {
        afterDueOn: after[0],
        afterId: after[1],
      });
    }
    if (page.first !== null) query.limit(page.first + 1);
    this.access.accessibleBy(query, principal, 'read', 'SituationAction');
    query.comment(after ? 'prepared:situation-actions-next-page' : 'prepared:situation-actions-first-page');
    const rows = await query.getMany();
    return pageOf(
      rows,
      page.first ?? rows.length,
      (action) => [action.dueOn, action.id],
      (action) => toActionObject(action, situation.person.caseCode),
    );
  }
}

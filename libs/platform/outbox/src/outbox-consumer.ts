import { Injectable } from '@nestjs/common';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { EntityManager } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';

/** An earlier event of the same subject is not handled yet: the job is retried later. */
export class EarlierEventPendingError extends Error {
  constructor(readonly eventId: string) {
    super(`Un événement antérieur du même sujet attend encore d'être traité (${eventId}).`);
    this.name = 'EarlierEventPendingError';
  }
}

export type Consumption<T> =
  { handled: true; result: T } | { handled: false; reason: 'GONE' | 'ALREADY_HANDLED' };

export interface ConsumeOptions {
  /**
   * Handlings of one territory that share this name run one after the other, each seeing what
   * the previous committed: for a consumer whose writes for one subject read what another
   * subject's events wrote (a read-then-write that two transactions at once would both miss).
   */
  oneAtATimePerTerritory?: string;
}

/**
 * Holds, until the transaction ends, the lock that makes handlings named `name` run one at a
 * time in the territory. Taken first in the transaction, before any row is written, so that
 * two holders never wait on each other's rows.
 */
export async function lockTerritoryHandlings(
  manager: EntityManager,
  name: string,
  territoryId: string,
): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [
    `relais-outbox:${name}`,
    territoryId,
  ]);
}

/**
 * Handles an outbox event once per consumer, in order per subject: the consumption row is
 * written in the transaction of the handling, so a redelivery finds it and does nothing.
 */
@Injectable()
export class OutboxConsumer {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly clock: Clock,
  ) {}

  async consume<T>(
    consumer: string,
    eventId: string,
    handle: (manager: EntityManager, event: OutboxEvent) => Promise<T>,
    options: ConsumeOptions = {},
  ): Promise<Consumption<T>> {
    const event = await this.database.run({ territoryIds: [], purpose: 'dispatch' }, async (manager) => {
      const found = await manager.findOneBy(OutboxEvent, { id: eventId });
      if (!found) return null;
      const [earlier] = (await manager.query(
        `SELECT e.id FROM outbox_events e
          WHERE e.territory_id = $1 AND e.subject_type = $2 AND e.subject_id = $3 AND e.sequence < $4
            AND NOT EXISTS (SELECT 1 FROM outbox_consumptions c WHERE c.event_id = e.id AND c.consumer = $5)
          LIMIT 1`,
        [found.territoryId, found.subjectType, found.subjectId, found.sequence, consumer],
      )) as { id: string }[];
      if (earlier) throw new EarlierEventPendingError(earlier.id);
      return found;
    });
    if (!event) return { handled: false, reason: 'GONE' };
    return this.database.run({ territoryIds: [event.territoryId] }, async (manager) => {
      if (options.oneAtATimePerTerritory) {
        await lockTerritoryHandlings(manager, options.oneAtATimePerTerritory, event.territoryId);
      }
      const inserted = (await manager.query(
        `INSERT INTO outbox_consumptions (event_id, consumer, territory_id, consumed_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING event_id`,
        [event.id, consumer, event.territoryId, this.clock.now()],
      )) as unknown[];
      if (!inserted.length) return { handled: false, reason: 'ALREADY_HANDLED' } as const;
      return { handled: true, result: await handle(manager, event) } as const;
    });
  }
}

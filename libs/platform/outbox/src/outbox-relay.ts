import { Injectable } from '@nestjs/common';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { ProducerQueues, QueueName, withinMs } from '@relais/queue';
import { JobsOptions } from 'bullmq';

export interface OutboxJob {
  eventId: string;
}

/** Consumers may meet an event before an earlier one of its subject: they retry until it is handled. */
export const OUTBOX_JOB_OPTIONS: JobsOptions = {
  attempts: 25,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: false,
};

const PUBLISH_TIMEOUT_MS = 5_000;
/** Events published per round; a full round means more may be waiting. */
export const RELAY_BATCH = 500;

/** An event's job is named after it, so relaying it twice (a crash before stamping) adds nothing. */
export function outboxJobId(eventId: string): string {
  return `outbox-${eventId}`;
}

/**
 * Publishes pending outbox events to BullMQ in `sequence` order, then stamps them. Rows are
 * locked with SKIP LOCKED, so several worker replicas share the work; a Redis failure rolls the
 * stamping back and the next round tries again.
 */
@Injectable()
export class OutboxRelay {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly queues: ProducerQueues,
    private readonly clock: Clock,
  ) {}

  async relayPending(limit = RELAY_BATCH): Promise<number> {
    return this.database.run({ territoryIds: [], purpose: 'dispatch' }, async (manager) => {
      const pending = (await manager.query(
        `SELECT id, type FROM outbox_events WHERE published_at IS NULL
          ORDER BY sequence LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      )) as { id: string; type: string }[];
      if (!pending.length) return 0;
      await this.publish(pending);
      await manager.query(`UPDATE outbox_events SET published_at = $2 WHERE id = ANY($1::uuid[])`, [
        pending.map((event) => event.id),
        this.clock.now(),
      ]);
      return pending.length;
    });
  }

  /**
   * Events published but never handled, whose job Redis lost (a flush, a failover): publishing
   * again is harmless, the job id being the event's.
   */
  async republishUnhandled(consumer: string, olderThanMs: number, limit = 1000): Promise<number> {
    const before = new Date(this.clock.now().getTime() - olderThanMs);
    const stale = (await this.database.run({ territoryIds: [], purpose: 'dispatch' }, (manager) =>
      manager.query(
        `SELECT e.id, e.type FROM outbox_events e
          WHERE e.published_at IS NOT NULL AND e.published_at < $1
            AND NOT EXISTS (SELECT 1 FROM outbox_consumptions c WHERE c.event_id = e.id AND c.consumer = $2)
          ORDER BY e.sequence LIMIT $3`,
        [before, consumer, limit],
      ),
    )) as { id: string; type: string }[];
    if (stale.length) await this.publish(stale);
    return stale.length;
  }

  private async publish(events: { id: string; type: string }[]): Promise<void> {
    const adding = this.queues.get(QueueName.OUTBOX).addBulk(
      events.map((event) => ({
        name: event.type,
        data: { eventId: event.id } satisfies OutboxJob,
        opts: { ...OUTBOX_JOB_OPTIONS, jobId: outboxJobId(event.id) },
      })),
    );
    // The rows stay locked meanwhile: past this, roll back and let the next round try again.
    adding.catch(() => undefined);
    await withinMs(adding, PUBLISH_TIMEOUT_MS, 'Relais des événements');
  }
}

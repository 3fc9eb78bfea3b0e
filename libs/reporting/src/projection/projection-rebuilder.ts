import { Injectable } from '@nestjs/common';
import { ScopedDatabase } from '@relais/database';
import { lockTerritoryHandlings, OutboxEvent } from '@relais/outbox';
import { PROJECTION_ENTITIES } from './entities';
import { ReportingProjector } from './reporting-projector';
import { REPORTING_CONSUMER } from './reporting-consumer';

/** Events replayed per read: the history of a territory is read in pages, never whole. */
const PAGE = 1000;

/**
 * Rebuilds a territory's projection from its outbox history: its rows are deleted, then its
 * events replayed in `sequence` order through the same handlers as the live consumer, in one
 * transaction (readers see the old rows or the new, never half). Each replayed event is marked
 * consumed, so the live consumer does not count it again afterwards.
 */
@Injectable()
export class ProjectionRebuilder {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly projector: ReportingProjector,
  ) {}

  async rebuild(territoryId: string): Promise<{ events: number }> {
    return this.database.run({ territoryIds: [territoryId] }, async (manager) => {
      // The live consumer waits meanwhile, and handles what comes next on the rebuilt rows.
      await lockTerritoryHandlings(manager, REPORTING_CONSUMER, territoryId);
      for (const entity of PROJECTION_ENTITIES) {
        await manager.delete(entity, { territoryId });
      }
      let events = 0;
      let after = '0';
      for (;;) {
        const page = await manager
          .getRepository(OutboxEvent)
          .createQueryBuilder('event')
          .where('event.territoryId = :territoryId AND event.sequence > :after', { territoryId, after })
          .orderBy('event.sequence', 'ASC')
          .take(PAGE)
          .getMany();
        for (const event of page) {
          await this.projector.project(manager, event);
          await manager.query(
            `INSERT INTO outbox_consumptions (event_id, consumer, territory_id, consumed_at)
             VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING`,
            [event.id, REPORTING_CONSUMER, territoryId],
          );
        }
        events += page.length;
        if (page.length < PAGE) return { events };
        after = page[page.length - 1].sequence;
      }
    });
  }
}

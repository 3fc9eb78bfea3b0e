import { EntityManager } from 'typeorm';
import { OutboxConsumption } from './outbox-consumption.entity';
import { OutboxEvent } from './outbox-event.entity';

export interface OutboxMessage {
  territoryId: string;
  type: string;
  subject: { type: string; id: string };
  /** Ids and codes only, never a value typed about a person. */
  payload?: Record<string, string | number | boolean | null | string[]>;
  occurredAt: Date;
}

/** Writes in the caller's transaction: the event is committed with the change, or not at all. */
export async function writeOutbox(manager: EntityManager, message: OutboxMessage): Promise<void> {
  await manager.save(
    OutboxEvent,
    manager.create(OutboxEvent, {
      territoryId: message.territoryId,
      type: message.type,
      subjectType: message.subject.type,
      subjectId: message.subject.id,
      payload: message.payload ?? {},
      occurredAt: message.occurredAt,
      publishedAt: null,
    }),
    { reload: false },
  );
}

export const OUTBOX_ENTITIES = [OutboxEvent, OutboxConsumption];

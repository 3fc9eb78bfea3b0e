import { EntityManager } from 'typeorm';
import { OutboxEventType, OutboxMessage } from './outbox-catalogue';
import { OutboxConsumption } from './outbox-consumption.entity';
import { OutboxEvent } from './outbox-event.entity';

/**
 * Writes in the caller's transaction: the event is committed with the change, or not at all. The
 * catalogue types the message: a payload that does not match its event type does not compile.
 */
export async function writeOutbox<T extends OutboxEventType>(
  manager: EntityManager,
  message: OutboxMessage<T>,
): Promise<void> {
  await manager.save(
    OutboxEvent,
    manager.create(OutboxEvent, {
      territoryId: message.territoryId,
      type: message.type,
      subjectType: message.subject.type,
      subjectId: message.subject.id,
      payload: message.payload as Record<string, unknown>,
      occurredAt: message.occurredAt,
      publishedAt: null,
    }),
    { reload: false },
  );
}

export const OUTBOX_ENTITIES = [OutboxEvent, OutboxConsumption];

import { Injectable } from '@nestjs/common';
import {
  dispatchOutboxEvent,
  OutboxEvent,
  OutboxEventType,
  OutboxHandlers,
  readOutboxEvent,
} from '@relais/outbox';
import { EntityManager } from 'typeorm';
import { consentHandlers } from './handlers/consent.handlers';
import { followUpHandlers } from './handlers/follow-up.handlers';
import { meetingHandlers } from './handlers/meeting.handlers';
import { membershipHandlers } from './handlers/membership.handlers';
import { contextOf, ProjectionHandlers } from './handlers/projection-context';
import { referralHandlers } from './handlers/referral.handlers';

const PARTS: ProjectionHandlers[] = [
  referralHandlers,
  meetingHandlers,
  consentHandlers,
  followUpHandlers,
  membershipHandlers,
];

/** The event types the projection keeps its tables from (the handlers are only listed, not run). */
export function projectedEventTypes(): OutboxEventType[] {
  const listing = { manager: null as never, territoryId: '', day: '' };
  return PARTS.flatMap((part) => Object.keys(part(listing)) as OutboxEventType[]).sort();
}

/**
 * Applies one outbox event to the projection's tables, in the caller's transaction. Used alike by
 * the live consumer and by the rebuild, so both give the same rows. Events it does not count
 * change nothing.
 */
@Injectable()
export class ReportingProjector {
  async project(manager: EntityManager, stored: OutboxEvent): Promise<boolean> {
    const event = readOutboxEvent(stored);
    if (!event) return false;
    const context = contextOf(manager, event);
    let applied = false;
    for (const part of PARTS) {
      const handlers: OutboxHandlers<Promise<void>> = part(context);
      const done = dispatchOutboxEvent(event, handlers);
      if (done) {
        await done;
        applied = true;
      }
    }
    return applied;
  }
}

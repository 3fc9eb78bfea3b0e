import { parisDate } from '@relais/config';
import { CatalogueEvent, OutboxHandlers } from '@relais/outbox';
import { EntityManager } from 'typeorm';

/** One event's handling: the transaction it runs in, its territory, the Paris day it happened. */
export interface ProjectionContext {
  manager: EntityManager;
  territoryId: string;
  day: string;
}

export function contextOf(manager: EntityManager, event: CatalogueEvent): ProjectionContext {
  return { manager, territoryId: event.territoryId, day: parisDate(event.occurredAt) };
}

/** A part of the projection: the events it keeps its tables from. */
export type ProjectionHandlers = (context: ProjectionContext) => OutboxHandlers<Promise<void>>;

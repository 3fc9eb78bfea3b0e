import { Injectable } from '@nestjs/common';
import { Consumption, OutboxConsumer } from '@relais/outbox';
import { ReportingProjector } from './reporting-projector';

/** The projection's name among the outbox consumers: its consumption rows make handling happen once. */
export const REPORTING_CONSUMER = 'reporting';

/** Keeps the projection up to date as the worker receives each outbox event. */
@Injectable()
export class ReportingConsumer {
  constructor(
    private readonly consumer: OutboxConsumer,
    private readonly projector: ReportingProjector,
  ) {}

  /**
   * Once per event: a redelivery finds its consumption row and changes nothing. One at a time per
   * territory, as the worker handles several events at once: a meeting's examination and the
   * acceptance of the referral it examined each count what the other wrote, and two transactions
   * at once would each miss the other's row.
   */
  handle(eventId: string): Promise<Consumption<boolean>> {
    return this.consumer.consume(
      REPORTING_CONSUMER,
      eventId,
      (manager, event) => this.projector.project(manager, event),
      { oneAtATimePerTerritory: REPORTING_CONSUMER },
    );
  }
}

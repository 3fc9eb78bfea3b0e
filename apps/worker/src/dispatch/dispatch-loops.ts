import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { OutboxRelay, RELAY_BATCH } from '@relais/outbox';
import { ReminderReconciler } from '@relais/reminders';
import { REPORTING_CONSUMER } from '@relais/reporting';
import { MaintenanceScheduler } from '../maintenance/maintenance.scheduler';

/** An event unhandled this long after its publication has lost its job. */
const RECONCILE_GRACE_MS = 30_000;

/**
 * Two timers in every worker replica, both idempotent: the outbox relay, and the reconciler that
 * repairs Redis from Postgres (job schedulers included, since a flush loses them too). Timers,
 * not BullMQ jobs, precisely because they must keep running when Redis has lost everything.
 */
@Injectable()
export class DispatchLoops implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Relais des événements');
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly relay: OutboxRelay,
    private readonly reconciler: ReminderReconciler,
    private readonly schedulers: MaintenanceScheduler,
  ) {}

  onApplicationBootstrap(): void {
    this.every(this.config.jobs.outboxPollMs, 'relais', async () => {
      // Drain a backlog without waiting for the next tick.
      while (!this.stopped && (await this.relay.relayPending()) === RELAY_BATCH);
    });
    this.every(this.config.jobs.reconcileEveryMs, 'réconciliation', async () => {
      await this.schedulers.ensureSchedulers();
      const report = await this.reconciler.reconcile();
      // The projection's events too: a lost job would leave the activity report short.
      const projectionEvents = await this.relay.republishUnhandled(REPORTING_CONSUMER, RECONCILE_GRACE_MS);
      if (report.republishedEvents || report.requeuedReminders || report.requeuedMails || projectionEvents) {
        this.logger.log({ message: 'Réconciliation avec Redis', ...report, projectionEvents });
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await Promise.allSettled([...this.running]);
  }

  /** Runs `work` every `ms`, never two at once, logging failures (Redis or Postgres away) without stopping. */
  private every(ms: number, name: string, work: () => Promise<void>): void {
    let busy = false;
    const tick = () => {
      if (busy || this.stopped) return;
      busy = true;
      const run = work()
        .catch((error: Error) =>
          this.logger.warn({ message: `Échec de la boucle ${name}`, error: error.message }),
        )
        .finally(() => {
          busy = false;
          this.running.delete(run);
        });
      this.running.add(run);
    };
    this.timers.push(setInterval(tick, ms));
    tick();
  }
}

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { queuePrefix, QueueName, workerConnectionOptions } from '@relais/queue';
import { Job, Processor, Worker } from 'bullmq';
import { jobFailureLine } from './job-failure';
import { MailJobs } from './mail.jobs';
import { OutboxJobs } from './outbox.jobs';
import { ReminderJobs } from './reminder.jobs';

/**
 * A reminder's job mostly waits for the batch that holds its reminder (a promise: no connection,
 * no CPU). With few at once, jobs waiting on a batch held back those due meanwhile (p99 400 ms
 * from due to job with 8, 200 ms with 64, at 1 000 due/s on a loaded two-core machine).
 */
const REMINDER_JOBS_AT_ONCE = 64;

/**
 * The BullMQ workers of the dispatch queues, built here rather than by decorators so that their
 * lock (how soon a dead worker's job is taken over) comes from the validated configuration.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Travaux');
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxJobs,
    private readonly reminders: ReminderJobs,
    private readonly mail: MailJobs,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.start(QueueName.OUTBOX, (job) => this.outbox.process(job), 4);
    this.start(
      QueueName.REMINDERS,
      (job, token) => this.reminders.process(job, token),
      REMINDER_JOBS_AT_ONCE,
    );
    this.start(QueueName.MAIL, (job) => this.mail.process(job), 2);
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
  }

  async onApplicationShutdown(): Promise<void> {
    // Running jobs finish; a job cut short by a kill is taken over once its lock lapses.
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private start(name: QueueName, processor: Processor, concurrency: number): void {
    const worker = new Worker(name, processor, {
      connection: workerConnectionOptions(this.config.redis),
      prefix: queuePrefix(this.config.redis),
      concurrency,
      lockDuration: this.config.jobs.lockMs,
      stalledInterval: this.config.jobs.lockMs,
      maxStalledCount: 5,
    });
    worker.on('failed', (job: Job | undefined, error: Error) => {
      const line = jobFailureLine(error, { made: job?.attemptsMade ?? 0, allowed: job?.opts.attempts });
      this.logger[line.level]({
        message: line.message,
        queue: name,
        jobId: job?.id,
        error: error.name,
        attempts: job?.attemptsMade,
      });
    });
    worker.on('error', (error: Error) => {
      // A lock lost across a Redis restart is a normal hand-over: the stalled check runs the job again.
      const handedOver = /lock|Missing key/i.test(error.message);
      this.logger[handedOver ? 'log' : 'warn']({
        message: handedOver ? 'Tâche reprise après une perte de verrou' : 'File indisponible',
        queue: name,
        error: error.message,
      });
    });
    this.workers.push(worker);
  }
}

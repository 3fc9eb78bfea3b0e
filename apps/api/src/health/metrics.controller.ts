import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { Public } from '@relais/access';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { RequestException } from '@relais/graphql';
import { ALL_QUEUES, QueueFigures, QueueMetrics, QueueName } from '@relais/queue';
import { FastifyReply } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DispatchFigures, DispatchFiguresService, REMINDER_GRACE_SECONDS } from './dispatch-figures.service';

const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

interface Sample {
  readonly labels?: Readonly<Record<string, string>>;
  readonly value: number;
}

interface Gauge {
  readonly name: string;
  readonly help: string;
  readonly samples: readonly Sample[];
}

/**
 * Prometheus scrapes this. Labels name queues and job states, never a person or a territory.
 * A dependency that does not answer loses its series and reads 0 on its `_up` gauge, so the
 * scrape itself still succeeds and alerts can say which one is down.
 */
@Controller('metrics')
export class MetricsController {
  private readonly tokenDigest: Buffer | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly queues: QueueMetrics,
    private readonly dispatch: DispatchFiguresService,
  ) {
    this.tokenDigest = config.metrics.token ? digest(config.metrics.token) : undefined;
  }

  @Public()
  @Get()
  async metrics(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    this.authorize(authorization);
    // Set only once authorized: a refusal answers in JSON, like every other error.
    reply.header('content-type', PROMETHEUS_CONTENT_TYPE).header('cache-control', 'no-store');
    const [queues, dispatch] = await Promise.all([
      this.queues.figures().catch(() => undefined),
      this.dispatch.dispatchFigures().catch(() => undefined),
    ]);
    return render([...queueGauges(queues), ...dispatchGauges(dispatch)]);
  }

  /** With a token configured, only a scraper that presents it may read. */
  private authorize(authorization: string | undefined): void {
    if (!this.tokenDigest) return;
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    // Digests have the same length whatever was sent, so the comparison takes the same time.
    if (!presented || !timingSafeEqual(digest(presented), this.tokenDigest)) {
      throw new RequestException('NOT_AUTHENTICATED');
    }
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function queueGauges(queues: Record<QueueName, QueueFigures> | undefined): Gauge[] {
  const perQueue = (value: (figures: QueueFigures) => number): Sample[] =>
    queues ? ALL_QUEUES.map((queue) => ({ labels: { queue }, value: value(queues[queue]) })) : [];
  return [
    {
      name: 'relais_redis_up',
      help: 'Whether Redis answered for these queue figures (1) or not (0).',
      samples: [{ value: queues ? 1 : 0 }],
    },
    {
      name: 'relais_queue_jobs',
      help: 'Jobs in each BullMQ queue, by state; waiting includes paused and prioritized jobs.',
      samples: queues
        ? ALL_QUEUES.flatMap((queue) =>
            JOB_STATES.map((state) => ({ labels: { queue, state }, value: queues[queue][state] })),
          )
        : [],
    },
    {
      name: 'relais_queue_oldest_waiting_seconds',
      help: 'Seconds since the job next in line became ready to run; 0 when none waits.',
      samples: perQueue((figures) => figures.oldestWaitingSeconds),
    },
    {
      name: 'relais_queue_overdue_delayed_seconds',
      help: 'Seconds the most overdue delayed job is past its due time (no worker promoting it); 0 when none.',
      samples: perQueue((figures) => figures.overdueDelayedSeconds),
    },
  ];
}

function dispatchGauges(dispatch: DispatchFigures | undefined): Gauge[] {
  const one = (value: (figures: DispatchFigures) => number): Sample[] =>
    dispatch ? [{ value: value(dispatch) }] : [];
  return [
    {
      name: 'relais_postgres_up',
      help: 'Whether Postgres answered for the outbox and reminder figures (1) or not (0).',
      samples: [{ value: dispatch ? 1 : 0 }],
    },
    {
      name: 'relais_outbox_pending_events',
      help: 'Outbox events not yet published to the job queues.',
      samples: one((figures) => figures.outbox.pending),
    },
    {
      name: 'relais_outbox_oldest_pending_seconds',
      help: 'Age in seconds of the oldest unpublished outbox event; 0 when none.',
      samples: one((figures) => figures.outbox.oldestPendingSeconds),
    },
    {
      name: 'relais_reminders_scheduled',
      help: 'Reminders scheduled and not yet sent, skipped or cancelled.',
      samples: one((figures) => figures.reminders.scheduled),
    },
    {
      name: 'relais_reminders_overdue',
      help: `Scheduled reminders more than ${REMINDER_GRACE_SECONDS} seconds past their due time.`,
      samples: one((figures) => figures.reminders.overdue),
    },
    {
      name: 'relais_reminders_oldest_overdue_seconds',
      help: 'Seconds the most overdue scheduled reminder is past its due time; 0 when none.',
      samples: one((figures) => figures.reminders.oldestOverdueSeconds),
    },
  ];
}

/** The text exposition format, version 0.0.4; a family without samples is left out. */
function render(gauges: readonly Gauge[]): string {
  const lines = gauges
    .filter((gauge) => gauge.samples.length > 0)
    .flatMap((gauge) => [
      `# HELP ${gauge.name} ${gauge.help}`,
      `# TYPE ${gauge.name} gauge`,
      ...gauge.samples.map((sample) => `${gauge.name}${labelSet(sample.labels)} ${sample.value}`),
    ]);
  return `${lines.join('\n')}\n`;
}

function labelSet(labels: Sample['labels']): string {
  if (!labels) return '';
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return `{${pairs.join(',')}}`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

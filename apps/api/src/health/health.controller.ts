import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@relais/access';
import { QueueFigures, QueueMetrics, QueueName, RedisProbe } from '@relais/queue';
import { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { DispatchFigures, DispatchFiguresService } from './dispatch-figures.service';

type Status = 'up' | 'down';

type QueueHealth = Pick<QueueFigures, 'waiting' | 'active' | 'delayed' | 'failed' | 'oldestWaitingSeconds'>;

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisProbe,
    private readonly queueMetrics: QueueMetrics,
    private readonly dispatch: DispatchFiguresService,
  ) {}

  /**
   * `status` follows Postgres and Redis only: figures describe the backlog, and a backlog is for
   * an alert to judge, not a reason to take the api out of its load balancer. Figures a dependency
   * could not give are left out.
   */
  @Public()
  @Get()
  @HttpCode(HttpStatus.OK)
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis, queues, dispatch] = await Promise.all([
      this.postgres(),
      this.redis.ping().then(toStatus),
      this.queueMetrics.figures().catch(() => undefined),
      this.dispatch.dispatchFigures().catch(() => undefined),
    ]);
    const status: Status = postgres === 'up' && redis === 'up' ? 'up' : 'down';
    if (status === 'down') reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status,
      checks: { postgres, redis },
      ...(queues && { queues: queueHealth(queues) }),
      ...(dispatch && dispatchHealth(dispatch)),
    };
  }

  private async postgres(): Promise<Status> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}

function toStatus(ok: boolean): Status {
  return ok ? 'up' : 'down';
}

function queueHealth(queues: Record<QueueName, QueueFigures>): Record<QueueName, QueueHealth> {
  const entries = Object.entries(queues).map(
    ([name, { waiting, active, delayed, failed, oldestWaitingSeconds }]) =>
      [name, { waiting, active, delayed, failed, oldestWaitingSeconds }] as const,
  );
  return Object.fromEntries(entries) as Record<QueueName, QueueHealth>;
}

function dispatchHealth({ outbox, reminders }: DispatchFigures) {
  return { outbox, reminders: { overdue: reminders.overdue } };
}

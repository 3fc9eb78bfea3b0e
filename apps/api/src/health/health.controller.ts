import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@relais/access';
import { RedisProbe } from '@relais/queue';
import { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

type Status = 'up' | 'down';

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisProbe,
  ) {}

  @Public()
  @Get()
  @HttpCode(HttpStatus.OK)
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis] = await Promise.all([this.postgres(), this.redis.ping().then(toStatus)]);
    const status: Status = postgres === 'up' && redis === 'up' ? 'up' : 'down';
    if (status === 'down') reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status, checks: { postgres, redis } };
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

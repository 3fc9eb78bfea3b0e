import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relais/config';
import Redis from 'ioredis';
import { ProducerQueues } from './producer-queues';
import { QueueMetrics } from './queue-metrics';
import { producerConnectionOptions, queuePrefix, workerConnectionOptions } from './redis-options';

/** A plain client for health checks and metrics, separate from BullMQ's blocking connections. */
@Injectable()
export class RedisProbe implements OnApplicationShutdown {
  private readonly client: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // A probe has nothing to flush: closing need not give a dead socket ioredis's default 2 s.
    this.client = new Redis({
      ...producerConnectionOptions(config.redis),
      lazyConnect: true,
      disconnectTimeout: 200,
    });
  }

  async ping(): Promise<boolean> {
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client.status !== 'end') this.client.disconnect();
  }
}

@Global()
@Module({})
export class QueueModule {
  /** `role` picks the connection settings: producers fail fast, workers wait for Redis. */
  static forRoot(role: 'producer' | 'worker'): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            connection:
              role === 'worker'
                ? workerConnectionOptions(config.redis)
                : producerConnectionOptions(config.redis),
            prefix: queuePrefix(config.redis),
          }),
        }),
      ],
      providers: [RedisProbe, ProducerQueues, QueueMetrics],
      exports: [RedisProbe, ProducerQueues, QueueMetrics],
    };
  }
}

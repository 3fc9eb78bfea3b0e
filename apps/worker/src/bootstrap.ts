import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, Clock } from '@relais/config';
import { createLogger, PinoNestLogger } from '@relais/logging';
import { DestinationStream } from 'pino';
import { WorkerModule } from './worker.module';

export interface WorkerOptions {
  clock?: Clock;
  logDestination?: DestinationStream;
}

export const WORKER_READY = 'Worker prêt : ses files de travaux sont à l’écoute';

/** A standalone Nest context: no HTTP, only BullMQ processors. */
export async function createWorker(
  config: AppConfig,
  options: WorkerOptions = {},
): Promise<INestApplicationContext> {
  const logger = createLogger({
    level: config.logLevel,
    service: 'worker',
    destination: options.logDestination,
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config, options.clock), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  return app;
}

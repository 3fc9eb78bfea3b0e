export * from './local-redis';
export * from './queue.module';
export * from './redis-options';
export * from './queue-names';
export * from './queue-metrics';
export * from './producer-queues';

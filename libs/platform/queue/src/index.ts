export * from './local-redis';
export * from './queue.module';
export * from './redis-options';
export * from './queue-names';

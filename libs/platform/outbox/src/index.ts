export * from './outbox-event.entity';
export * from './outbox';
export * from './outbox-catalogue';
export * from './outbox-consumption.entity';
export * from './outbox-consumer';
export * from './outbox-relay';

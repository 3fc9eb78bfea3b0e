export * from './domain/reminder-kind';
export * from './domain/reminder-policy';
export * from './entities';

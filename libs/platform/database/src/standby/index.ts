export * from './standby-reads';
export * from './read-positions';

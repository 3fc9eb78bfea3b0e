export * from './logger';
export * from './nest-logger';
export * from './redaction';
export * from './request-log';
export * from './request-logger';

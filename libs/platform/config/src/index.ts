export * from './app-config';
export * from './clock';
export * from './config.module';
export * from './environment';
export * from './load-config';
export * from './process-lifecycle';
export * from './calendar';
export * from './audit-chain-keys';

export * from './graphql-client';
export * from './second-factor';
export * from './log-capture';
export * from './movable-clock';
export * from './net';
export * from './test-environment';
export * from './smtp-sink';
export * from './isolated-database';
